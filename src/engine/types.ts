// Plain data shared by every stage of the engine. Nothing here may import Office, the DOM or Node.

/** One cell as a host hands it over (Excel's `range.values`): never a Date object, never a formula. */
export type Cell = string | number | boolean | null | undefined;

/** A rectangular block read from a workbook or a file: a header row plus data rows. */
export interface SourceTable {
  /** Sheet name used in addresses (`Orders!F12`). */
  sheet: string;
  header: Cell[];
  rows: Cell[][];
  /** Where the header row sits: 1-based Excel row and 0-based column index of the first column. */
  origin: { row: number; column: number };
  /** The workbook uses the 1904 date system (Excel for Mac files of old). */
  date1904?: boolean;
  /** Name of the Excel table the rows came from, when they came from one. */
  tableName?: string;
  /** What the host noticed about the range that the user should know (a filter hiding rows): warnings. */
  notes?: Issue[];
  /** The field separator of the text file the rows came from (`,`, `;` or a tab), when they came from one. */
  delimiter?: string;
  /**
   * Per column (as `header`), the number format most of its first number cells show, as Excel's en-US
   * code (`"$"#,##0.00`, `General`); undefined where the host cannot tell (a CSV file has none). The
   * sales column's, when it shows money, is the format Tierwise writes its amounts in (money-format.ts).
   */
  numberFormats?: (string | undefined)[];
}

export type Severity = 'error' | 'warning';

/**
 * A user mistake or a fact the user should know, as a value. `where` is what the user can act on:
 * a cell address (`Orders!F12`), a configuration path (`segmentTypes[1].bands[2].min`), or a name.
 */
export interface Issue {
  severity: Severity;
  where: string;
  message: string;
  /** The offending value, when there is one, as the user typed it. */
  value?: Cell;
  /** Index into `SourceTable.rows` for row issues, so a host can select the cell. */
  row?: number;
}

/** The column roles of a sales range (SEMANTICS.md section 1). */
export const COLUMN_ROLES = [
  'customer',
  'customerName',
  'date',
  'amount',
  'profit',
  'cost',
  'quantity',
  'order',
  'product',
  'category',
  'spent',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Role -> 0-based column index in the source. */
export type ColumnMapping = Partial<Record<ColumnRole, number>>;

/** Epoch day: whole days since 1970-01-01 (UTC). Dates are days, never instants. */
export type EpochDay = number;

export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
