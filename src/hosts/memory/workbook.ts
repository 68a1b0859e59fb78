// An in-memory workbook: plain arrays a test (or the browser playground) can read. No Node APIs.
import type { Cell } from '../../engine/types';
import type { ColorScale, ConditionalFill, DropDown, PlannedChart } from '../../plan/plan';

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
  charts: PlannedChart[];
  /** `r,c` -> the reference a cell links to (a problem's address on the summary sheet). */
  links: Map<string, string>;
  freezeRows: number;
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
