// The workbook package's refusal, apart from the package reader and its zip library, so the command
// line can tell it from other errors without loading them.

/** The file cannot be used as a workbook; the message is what the user sees. */
export class PackageError extends Error {}

/** What to do about a damaged package: Excel repairs what it can when it opens one. */
export const REPAIR_ADVICE = 'open it in Excel and save it again (Excel repairs what it can), then run Tierwise on the saved file';
