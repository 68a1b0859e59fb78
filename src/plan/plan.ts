// A WorkbookPlan is data: what Tierwise wants the workbook to hold after a run. Hosts (office-js,
// ExcelJS, memory) turn it into their own calls; nothing here knows how a host writes.

/** A cell value as planned. Strings are data and must stay text in every host (never a formula). */
export type PlanValue = string | number | boolean | null;

/** The most characters an Excel cell holds; Excel calls a file with a longer one damaged, and office.js refuses it. */
export const EXCEL_CELL_CHARS = 32_767;

/** Text as long as a cell can hold: cut, with an ellipsis that shows it was, when longer. */
export function fitText(text: string): string {
  return text.length <= EXCEL_CELL_CHARS ? text : `${text.slice(0, EXCEL_CELL_CHARS - 1)}\u2026`;
}

/** Excel number format codes ('0.00', '0.0%', '#,##0', 'yyyy-mm-dd', '@'). */
export type NumberFormat = string;

/** The sheets Tierwise owns; each has a role so a host can find it again whatever its final name. */
export type SheetRole = 'tiers' | 'summary' | 'history';

export interface PlannedTable {
  /** Excel table name (unique in the workbook, no spaces). */
  name: string;
  style?: string;
}

export interface ConditionalFill {
  /** 0-based column inside the block. */
  column: number;
  /** Cells equal to `text` get `fill` (hex like #C6EFCE) and optionally `font`. */
  rules: { text: string; fill: string; font?: string }[];
}

/**
 * A two-colour scale over some columns of the block's data rows (a heat map): the lowest value gets
 * `low`, the highest `high`, values between a blend. Hosts write Excel's own colour scale, so the
 * colours follow the values if the user edits them.
 */
export interface ColorScale {
  /** 0-based first and last column inside the block. */
  firstColumn: number;
  lastColumn: number;
  low: string;
  high: string;
}

export interface DropDown {
  /** 0-based column inside the block; applies to the data rows (not the header). */
  column: number;
  list: string[];
}

/** A cell of a block that links to a place in the workbook: a problem's address goes to its cell. */
export interface PlannedLink {
  /** 0-based inside the block (row 0 is the header when there is one). */
  row: number;
  column: number;
  /** An A1 reference with its sheet: `Orders!F12`, `'My sheet'!B3:B9`. The cell keeps its value. */
  target: string;
}

/** A rectangle of values at a position on a sheet. The first row is a header when `table` or `header` is set. */
export interface PlannedBlock {
  /** Stable id so charts can refer to a block. */
  id: string;
  /** 0-based position on the sheet. */
  row: number;
  column: number;
  values: PlanValue[][];
  /** Per column, applied to the rows under the header. */
  numberFormats?: (NumberFormat | undefined)[];
  header?: boolean;
  /** A title cell above the block is just another block; `title` makes the block's only cell bold and larger. */
  title?: boolean;
  table?: PlannedTable;
  conditionalFills?: ConditionalFill[];
  colorScale?: ColorScale;
  dropDowns?: DropDown[];
  links?: PlannedLink[];
  /**
   * Texts that never set their column's width: a long line runs over the empty cells to its right
   * (or is cut at the next filled one, its whole text in the formula bar). 'all': every column (a
   * sentence such as the scope line); a list: those columns (a problem's value and message). Titles
   * never set widths either.
   */
  overflow?: 'all' | readonly number[];
}

/** Where a chart sits and what it draws from: its block, with the categories in `categoryColumn`. */
interface ChartFrame {
  title: string;
  blockId: string;
  categoryColumn: number;
  /** Top-left cell (0-based) and size in cells. */
  row: number;
  column: number;
  width: number;
  height: number;
}

/**
 * A chart of the summary. `pareto`: columns sorted descending with a cumulative % line (Excel's Pareto
 * type where ExcelApi 1.9 is there); `column`: the columns alone. `stacked`: one stacked column per
 * data row (a run), one series per column from `firstSeriesColumn` to the block's last, each named by
 * its header cell (a segment).
 */
export type PlannedChart =
  | (ChartFrame & {
      kind: 'pareto' | 'column';
      /** Values in `valueColumn`, cumulative % in `cumulativeColumn`. */
      valueColumn: number;
      cumulativeColumn?: number;
      /**
       * The fill of each column (bar), `#RRGGBB`, in the order of the block's data rows: each segment's
       * colour (colors.ts), as its cells are filled. Absent: the host's one colour for every bar.
       */
      pointColors?: string[];
    })
  | (ChartFrame & {
      kind: 'stacked';
      firstSeriesColumn: number;
      /** The fill of each series, `#RRGGBB`, in the order of its columns: each segment's colour. */
      seriesColors: string[];
    });

/** A stacked chart's series: the columns of its data (`width` wide) from `firstSeriesColumn` to the last, in order. */
export function stackedSeries(chart: Extract<PlannedChart, { kind: 'stacked' }>, width: number): number[] {
  return Array.from({ length: Math.max(0, width - chart.firstSeriesColumn) }, (_, i) => chart.firstSeriesColumn + i);
}

export interface PlannedSheet {
  role: SheetRole;
  /** The name Tierwise wants; a host picks another when a user's sheet already has it, and reports it. */
  name: string;
  visible: boolean;
  blocks: PlannedBlock[];
  charts: PlannedChart[];
  freezeRows?: number;
}

/**
 * What Apply reports for a written sheet: `Segment Summary: 34 rows`, the last row written, as Excel's row
 * numbers show it (blank rows between blocks included; counting only the rows with values said 23 of 34).
 */
export function writtenSheet(name: string, sheet: PlannedSheet): string {
  const rows = sheet.blocks.reduce((last, b) => Math.max(last, b.row + b.values.length), 0);
  return `${name}: ${rows.toLocaleString('en-US')} rows`;
}

/** The sheet's charts with their data blocks; a block with its header row only has nothing to draw. */
export function drawableCharts(sheet: PlannedSheet): { chart: PlannedChart; block: PlannedBlock }[] {
  return sheet.charts.flatMap((chart) => {
    const block = sheet.blocks.find((b) => b.id === chart.blockId);
    return block && block.values.length > 1 ? [{ chart, block }] : [];
  });
}

/** Segment columns written beside the source rows, one per segment type the user chose. */
export interface PlannedSourceColumns {
  sheet: string;
  /** When the source is an Excel table, the columns are added to it. */
  tableName?: string;
  /** 1-based Excel row of the source header and number of data rows at read time. */
  headerRow: number;
  rowCount: number;
  /** 0-based first column of the source itself (the fingerprint covers the source columns, not Tierwise's). */
  sourceColumn: number;
  /** 0-based column where the first Tierwise column goes (right of the source). */
  column: number;
  columns: { header: string; values: PlanValue[] }[];
  /** Fingerprint of the source as read, to notice that rows were added or removed before writing. */
  sourceFingerprint: string;
}

export interface WorkbookPlan {
  sheets: PlannedSheet[];
  sourceColumns?: PlannedSourceColumns;
  /** Workbook settings to store (key -> JSON-serialisable value): the configuration, the owned columns. */
  settings: Record<string, unknown>;
}
