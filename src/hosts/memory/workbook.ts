// An in-memory workbook: plain arrays a test (or the browser playground) can read. No Node APIs.
import type { Cell } from '../../engine/types';
import type { ColorScale, ConditionalFill, DropDown, PlannedChart } from '../../plan/plan';
import { heatColor } from '../../plan/heat-map';

export interface MemorySheet {
  id: string;
  name: string;
  visible: boolean;
  /** Row-major cells from A1; missing rows and cells are empty. */
  cells: Cell[][];
  /** `r,c` -> number format, for the cells Tierwise formatted. */
  formats: Map<string, string>;
  conditionalFills: (ConditionalFill & { row: number; rows: number; columnOffset: number })[];
  /** Colour scales (heat maps) on the data rows of a block. */
  colorScales: (ColorScale & { row: number; rows: number; columnOffset: number })[];
  dropDowns: (DropDown & { row: number; rows: number; columnOffset: number })[];
  charts: MemoryChart[];
  /** `r,c` -> the reference a cell links to (a problem's address on the summary sheet). */
  links: Map<string, string>;
  freezeRows: number;
}

/**
 * A chart as Excel keeps one: what it draws (the plan's chart, its columns relative to its data) and the
 * cells it draws from, 0-based, header row included; a reader takes the values from the sheet's cells.
 */
export interface MemoryChart {
  chart: PlannedChart;
  data: { row: number; column: number; rows: number; columns: number };
}

export interface MemoryTable {
  name: string;
  sheetId: string;
  /** 0-based header row and first column; `rows` counts data rows. */
  row: number;
  column: number;
  rows: number;
  columns: number;
}

let nextId = 1;

export class MemoryWorkbook {
  sheets: MemorySheet[] = [];
  tables: MemoryTable[] = [];
  settings = new Map<string, string>();
  selection?: { sheet: string; row: number; column: number; rows: number; columns: number };
  selected?: string;

  addSheet(name: string, values: Cell[][] = []): MemorySheet {
    if (this.sheet(name)) throw new Error(`a sheet named ${name} exists`);
    const s: MemorySheet = { id: `sheet-${nextId++}`, name, visible: true, cells: values.map((r) => r.slice()), formats: new Map(), conditionalFills: [], colorScales: [], dropDowns: [], charts: [], links: new Map(), freezeRows: 0 };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): MemorySheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addTable(sheet: string, name: string, row: number, column: number, rows: number, columns: number): MemoryTable {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const t: MemoryTable = { name, sheetId: s.id, row, column, rows, columns };
    this.tables.push(t);
    return t;
  }

  /** A copy of the sheet's cells, rectangular (the used width), '' for empty. */
  values(sheet: string): Cell[][] {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const width = usedWidth(s);
    // Array.from, not map: rows never written are holes, and map skips holes.
    return Array.from(s.cells, (_, r) => rowValues(s, r, width));
  }
}

/** Row r of a sheet, `width` cells, '' for empty: a row of `MemoryWorkbook.values`. */
export function rowValues(s: MemorySheet, r: number, width: number): Cell[] {
  const row = s.cells[r];
  return Array.from({ length: width }, (_, c) => (row?.[c] ?? '') as Cell);
}

export function usedWidth(s: MemorySheet): number {
  let w = 0;
  for (const r of s.cells) if (r) for (let c = r.length - 1; c >= w; c--) if (r[c] !== undefined && r[c] !== '' && r[c] !== null) { w = c + 1; break; }
  return w;
}

export function usedHeight(s: MemorySheet): number {
  for (let r = s.cells.length - 1; r >= 0; r--) if (s.cells[r]?.some((v) => v !== undefined && v !== '' && v !== null)) return r + 1;
  return 0;
}

export function cellAt(s: MemorySheet, r: number, c: number): Cell {
  return s.cells[r]?.[c] ?? '';
}

export function setCell(s: MemorySheet, r: number, c: number, v: Cell): void {
  (s.cells[r] ??= [])[c] = v === null ? '' : v;
}

/** The cells a chart draws from, as the sheet holds them now (header row first). */
export function chartCells(s: MemorySheet, c: MemoryChart): Cell[][] {
  const { row, column, rows, columns } = c.data;
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, k) => cellAt(s, row + r, column + k)));
}

/**
 * The fill each of the sheet's first `rows` rows shows through its conditional formats, `r,c` -> `#RRGGBB`:
 * a segment's colour where the cell equals its name (compared as Excel's "equal to" compares text, case
 * aside; the first rule that matches wins), and a colour scale's blend from its lowest value to its highest.
 */
export function shownFills(s: MemorySheet, rows: number): Map<string, string> {
  const fills = new Map<string, string>();
  for (const f of s.conditionalFills) {
    const c = f.columnOffset + f.column;
    const rules = f.rules.map((rule) => ({ text: rule.text.toLowerCase(), fill: rule.fill }));
    for (let r = f.row; r < Math.min(f.row + f.rows, rows); r++) {
      const v = cellAt(s, r, c);
      const rule = v === '' ? undefined : rules.find((x) => x.text === String(v).toLowerCase());
      if (rule && !fills.has(`${r},${c}`)) fills.set(`${r},${c}`, rule.fill);
    }
  }
  for (const scale of s.colorScales) {
    // The lowest and highest over the whole scale, the fills for the rows shown.
    const cells: { r: number; c: number; v: number }[] = [];
    for (let r = scale.row; r < scale.row + scale.rows; r++) {
      for (let c = scale.columnOffset + scale.firstColumn; c <= scale.columnOffset + scale.lastColumn; c++) {
        const v = cellAt(s, r, c);
        if (typeof v === 'number' && Number.isFinite(v)) cells.push({ r, c, v });
      }
    }
    const values = cells.map((x) => x.v);
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    for (const { r, c, v } of cells) if (r < rows) fills.set(`${r},${c}`, heatColor(v, lo, hi, scale.low, scale.high));
  }
  return fills;
}
