// Reading a sales range from a file, so the command line sees cells as Excel hands them over:
// numbers, text, booleans, '' for empty, error codes as text, dates as 1900-system serial numbers.
import { readFile, stat } from 'node:fs/promises';
import { extname, basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { isBlank } from '../../engine/parse/number';
import type { SourceTable } from '../../engine/types';
import { sourceFromGrid } from '../../plan/source-check';
import { firstSalesCandidate, namedRange } from '../ranges';
import { ANY_LINE_BREAK, lineBreaksMixed } from './line-breaks';
import { unclosedQuoteLine } from './open-quote';

/** A file the user named cannot be read as a sales range. Carries the message the user sees. */
export class SourceError extends Error {}

/**
 * Why a file the user named could not be opened, read or written, in a sentence: Node's error codes
 * are not for users. Undefined for an error that is not about a file.
 */
export function fileErrorText(path: string, e: unknown): string | undefined {
  switch ((e as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return `${path}: no such file`;
    case 'EISDIR':
      return `${path} is a folder, not a file: name a file in it`;
    case 'ENOTDIR':
      return `${path}: no such file (a part of the path is a file, not a folder)`;
    case 'EACCES':
    case 'EPERM':
      return `${path}: permission denied`;
    case 'EROFS':
      return `${path}: the disk is read-only`;
    case 'ENOSPC':
      return `${path}: the disk is full`;
    default:
      return undefined;
  }
}

/** A file the user named that cannot be read, as the SourceError that says why. */
export function fileProblem(path: string, e: unknown): SourceError {
  return new SourceError(fileErrorText(path, e) ?? `${path} cannot be read: ${(e as Error)?.message ?? String(e)}`);
}

/** The size of a file the user named as input; a folder or a missing file is a SourceError that says so. */
export async function inputFileSize(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw fileProblem(path, e);
  }
  if (info.isDirectory()) throw fileProblem(path, Object.assign(new Error('a folder'), { code: 'EISDIR' }));
  return info.size;
}

/** Beyond this a file would not fit the memory of an ordinary laptop once parsed; say so instead of crashing. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export async function readSourceFile(path: string, options: { sheet?: string; table?: string; maxFileBytes?: number } = {}): Promise<SourceTable> {
  const limit = options.maxFileBytes ?? MAX_FILE_BYTES;
  const size = await inputFileSize(path);
  if (size > limit) {
    throw new SourceError(`${path} is ${(size / 2 ** 20).toFixed(1)} MB; Tierwise reads files up to ${(limit / 2 ** 20).toFixed(0)} MB. Split the file, or filter it to the period you need.`);
  }
  const ext = extname(path).toLowerCase();
  if (isTextPath(path)) return readCsv(path, ext === '.tsv' ? '\t' : undefined);
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsx(path, options);
  throw unreadableKind(path);
}

/** Spreadsheet formats Tierwise neither reads nor writes: saved as .xlsx, Excel and Tierwise open them. */
const OTHER_SPREADSHEETS = new Set(['.xls', '.xlsb', '.ods', '.numbers', '.fods']);

/** A spreadsheet of another format than .xlsx and .xlsm, by its name. */
export const isOtherSpreadsheet = (path: string): boolean => OTHER_SPREADSHEETS.has(extname(path).toLowerCase());

/** A file of a kind no reader takes, said with what to do (a spreadsheet of another format: save it as .xlsx). */
export function unreadableKind(path: string): SourceError {
  const ext = extname(path).toLowerCase();
  const kinds = `Tierwise reads .csv, .tsv, .txt, .xlsx and .xlsm files, and \`segment\` also .parquet (this one is "${ext || 'without an extension'}")`;
  return new SourceError(isOtherSpreadsheet(path) ? `${path}: ${kinds}: open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx)` : `${path}: ${kinds}`);
}

/** A text file the CSV readers take, by its name. */
export const isTextPath = (path: string): boolean => ['.csv', '.txt', '.tsv'].includes(extname(path).toLowerCase());

async function readCsv(path: string, delimiter?: string): Promise<SourceTable> {
  const { text, delimiter: sep, linesBefore } = csvDialect(decodeText(await readFile(path)), delimiter);
  let records: string[][];
  try {
    records = parse(text, csvParsing(sep, text));
  } catch (e) {
    throw unreadableCsv(path, e, text, sep, linesBefore);
  }
  let end = records.length;
  while (end > 0 && records[end - 1].every(isBlank)) end--; // blank lines after the data
  if (end === 0) throw new SourceError(`${path} is empty: it needs a header row and at least one line`);
  // As a sheet is read: a report's title lines above the header are said and skipped.
  const grid = records.slice(0, end).map((record) => record.map(excelField));
  return { ...sourceFromGrid(basename(path).replace(/\.[^.]+$/, ''), 1, 0, grid, undefined), delimiter: sep };
}

/**
 * How the engine's reader has csv-parse read a CSV; the DuckDB path reads a file's head and its blank
 * lines the same way. Empty lines are kept: Excel shows each as a row, so the addresses of the lines
 * below stay true. A quote inside a field that does not start with one (`Monitor 27" wide`) is a
 * character, as Excel reads it: hand-made files have them, and refusing the whole file for one would
 * lose every line. Ragged lines are read as they are.
 */
export const csvParsing = (delimiter: string | undefined, text: string) => ({
  delimiter,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: false,
  bom: true,
  ...(lineBreaksMixed(text) && { record_delimiter: ANY_LINE_BREAK }),
});

/**
 * csv-parse's refusal of `path` in the user's words, with what to do about the commonest one: a quote
 * never closed is said at the line where it opens (csv-parse names the last line, where it gave up),
 * when the file's `text` is at hand.
 */
export function unreadableCsv(path: string, e: unknown, text?: string, delimiter = ',', linesBefore = 0): SourceError {
  if ((e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') {
    const opened = text === undefined ? undefined : unclosedQuoteLine(text, delimiter);
    // Counted in the file a text editor shows, Excel's separator line included.
    const line = opened === undefined ? undefined : opened + linesBefore;
    if (line !== undefined) return new SourceError(`${path} is not a readable CSV file: on line ${line}, a field opens with a quote (") that is never closed, so the rest of the file would be one cell. Close the quote, or remove it, on line ${line}.`);
    return new SourceError(`${path} is not a readable CSV file: ${(e as Error).message}: a field opens with a quote (") that is never closed; close it, or remove it`);
  }
  return new SourceError(`${path} is not a readable CSV file: ${(e as Error).message}`);
}

/**
 * `="00123"`, as many exports write a field to keep its leading zeros: Excel opens it as a formula whose
 * result is the text inside (`00123`, text even when it is digits; `=""` is empty), so that text, with
 * its doubled quotes single. Undefined for any other field (`=A1+1` is left as it is written).
 */
export function formulaText(field: string): string | undefined {
  const m = FORMULA_TEXT.exec(field);
  return m ? m[1].replace(/""/g, '"') : undefined;
}
const FORMULA_TEXT = /^="((?:[^"]|"")*)"$/;

/**
 * A CSV field as Excel reads it when it opens the file (SEMANTICS.md 1): a whole number becomes a number,
 * so `43000` in a date column is the serial date 2017-09-22, as it is in a sheet. Only whole numbers,
 * because they read the same in every locale: `1.234` is 1.234 to an English Excel and 1234 to a German
 * one, so decimals stay text and the decimal separator is detected from the data (docs/rules.md). Leading
 * zeros (`007`) and more than 15 digits stay text: Excel would drop the zeros or the digits beyond its
 * precision, and an identifier that loses characters is a different customer. `="00123"` is the text
 * inside (formulaText).
 */
export function excelField(field: string): string | number {
  if (field.charCodeAt(0) === 61 /* = */) return formulaText(field) ?? field;
  const n = field.length;
  let i = field.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const digits = n - i;
  if (digits < 1 || digits > 15) return field;
  if (field.charCodeAt(i) === 48 /* 0 */ && digits > 1) return field;
  for (; i < n; i++) {
    const c = field.charCodeAt(i);
    if (c < 48 || c > 57) return field;
  }
  return field === '-0' ? 0 : Number(field);
}

/**
 * A CSV's decoded text as its readers take it, and its separator. Excel's separator line (`sep=;` as the
 * first line, written for Excel in another locale) names the separator, and Excel does not show it: the
 * row below is row 1, so it is taken off the text, and `linesBefore` counts it for the lines a message
 * names. The separator: `forced` (a .tsv's tab), else the one that line names, else the one the header
 * row uses most.
 */
export function csvDialect(decoded: string, forced?: string): { text: string; delimiter: string; linesBefore: number } {
  const hint = /^sep=([^\r\n])(?:\r\n|\n|\r|$)/i.exec(decoded);
  const text = hint ? decoded.slice(hint[0].length) : decoded;
  return { text, delimiter: forced ?? hint?.[1] ?? guessDelimiter(headerLine(text)), linesBefore: hint ? 1 : 0 };
}

/**
 * The line the separator is guessed from: the first of the first ten lines that has one, so a report's
 * title line ("Sales report 2017") or an empty line above the header does not decide it.
 */
function headerLine(text: string): string {
  const lines = text.split('\n', 10);
  return lines.find((line) => /[\t;,]/.test(line)) ?? lines[0] ?? '';
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

/**
 * The header row's most frequent separator: tabs (Excel's "Text (Tab delimited)" and "Unicode Text"),
 * semicolons (European exports, where the comma is the decimal separator), else commas.
 */
function guessDelimiter(headerLine: string): string {
  let best = ',';
  for (const sep of ['\t', ';']) if (count(headerLine, sep) > count(headerLine, best)) best = sep;
  return best;
}

/**
 * The text of a file as Excel writes it: UTF-8 (with or without a byte order mark, "CSV UTF-8"), UTF-16
 * with its byte order mark ("Unicode Text"), or, when the bytes are no valid UTF-8, Windows-1252, the
 * code page Excel for Windows uses for plain "CSV" in Western Europe and the Americas (so "Müller" is
 * not read as "M\uFFFDller", and `1.234,56 €` keeps its euro sign).
 *
 * Windows-1252 is decoded by iconv-lite, not by `TextDecoder('windows-1252')`: from Node 20.18.3 and
 * 22.13 that decoder maps the bytes 0x80-0x9F (€ „ “ ” ’ – — … and the rest) to the control characters
 * U+0080-U+009F (nodejs/node#56542, #60888). iconv-lite reads them as Windows-1252 has them, and the five
 * bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) as U+FFFD. The command line only:
 * the task pane never reads files.
 */
export function decodeText(bytes: Uint8Array): string {
  const [a, b] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // ignoreBOM: keep a UTF-8 byte order mark, so it is removed once, here, whether or not the decoder would.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(bytes, 'windows-1252');
  }
}

/**
 * A sheet or table of a workbook, through the same reader as the workbook runs (XlsxHost), so a file
 * named with --answers reads as the range would inside the workbook. Without a name: the first table,
 * else the first sheet with data.
 */
async function readXlsx(path: string, options: { sheet?: string; table?: string }): Promise<SourceTable> {
  // Loaded here, not with this module: a CSV run does without the workbook reader and its zip library (35 ms).
  const { XlsxHost } = await import('../xlsx/host');
  const host = await XlsxHost.open(await readFile(path), basename(path));
  const ref = namedRange(options) ?? firstSalesCandidate(await host.listSources(), {});
  if (!ref) throw new SourceError(`${path} has no sheet with data`);
  return host.readSource(ref);
}
