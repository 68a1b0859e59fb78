// A worksheet's cells as the simulated API sees them. Cells are stored per column in
// blocks of 4,096 rows (typed arrays for kinds, numbers and number-format ids; a plain array only
// when a block holds strings), so a 1,048,576 x 8 sheet costs tens of MB, and empty space nothing.
import type { AutoFilterModel } from './auto-filter';
import { MAX_COLS, MAX_ROWS, Rect, contains } from './address';
import { CellInput, ERROR_NAME, evaluateFormula, formatText } from './convert';
import { richError } from './errors';

const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;

const K_EMPTY = 0;
const K_NUM = 1;
const K_STR = 2;
const K_BOOL = 3;
const K_ERR = 4;
const F_FORMULA = 1;
const F_QUOTE = 2;

class Block {
  readonly kind = new Uint8Array(BLOCK);
  num: Float64Array | null = null;
  str: (string | undefined)[] | null = null;
  flags: Uint8Array | null = null;
  fmt: Uint16Array | null = null;
  filled = 0;
  formatted = 0;
}

type Column = (Block | undefined)[];

/** Number formats are interned workbook-wide; id 0 is 'General'. */
export class FormatTable {
  private readonly ids = new Map<string, number>([['General', 0]]);
  private readonly names: string[] = ['General'];
  id(format: string): number {
    let id = this.ids.get(format);
    if (id === undefined) {
      id = this.names.length;
      if (id > 0xffff) throw richError('InvalidOperation', undefined, undefined, '[sim] too many distinct number formats');
      this.names.push(format);
      this.ids.set(format, id);
    }
    return id;
  }
  name(id: number): string {
    return this.names[id];
  }
}

/** Everything one cell holds, for moving cells when rows/columns are inserted. */
interface CellRecord {
  kind: number;
  num: number;
  str: string | undefined;
  flags: number;
  fmt: number;
  formula: string | undefined;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: { sheet: SheetModel; rect: Rect };
  seriesBy: string;
  series: string[];
  title?: string;
  position?: { start: string; end?: string };
  props: Record<string, unknown>;
  deleted?: boolean;
}

export interface ConditionalFormatModel {
  id: string;
  rect: Rect;
  type: string;
  props: Record<string, unknown>;
  deleted?: boolean;
}

export interface DataValidationModel {
  rect: Rect;
  rule: Record<string, unknown>;
}

export interface FormatOp {
  rect: Rect;
  prop: string;
  value: unknown;
}

/** What Range.hyperlink holds: a web address or a place in the workbook, and what shows. */
export interface HyperlinkModel {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export class SheetModel {
  readonly cols = new Map<number, Column>();
  readonly formulas = new Map<number, string>();
  visibility: Visibility = 'Visible';
  deleted = false;
  frozenRows = 0;
  frozenColumns = 0;
  /** Column -> width in characters, as autofit left it (absent: Excel's default, 8.43). */
  readonly columnWidths = new Map<number, number>();
  readonly props: Record<string, unknown> = {};
  readonly charts: ChartModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly dataValidations: DataValidationModel[] = [];
  readonly formatOps: FormatOp[] = [];
  /** `r,c` -> the cell's hyperlink (Range.hyperlink, ExcelApi 1.7). */
  readonly hyperlinks = new Map<string, HyperlinkModel>();
  /** Review > Protect Sheet (every cell locked, Excel's default): no cell may be written or cleared. */
  protected = false;
  /** The sheet's own AutoFilter (a table's is on the table); undefined: none set up. */
  autoFilter: AutoFilterModel | undefined;
  chartCounter = 0;

  constructor(
    readonly id: string,
    public name: string,
    readonly formats: FormatTable,
  ) {}

  private block(r: number, c: number, create: boolean): Block | undefined {
    let col = this.cols.get(c);
    if (!col) {
      if (!create) return undefined;
      col = [];
      this.cols.set(c, col);
    }
    const b = r >> BLOCK_BITS;
    let block = col[b];
    if (!block && create) block = col[b] = new Block();
    return block;
  }

  /** What Range.values shows: number, string, boolean, error text, or '' when empty. */
  value(r: number, c: number): number | string | boolean {
    const block = this.block(r, c, false);
    if (!block) return '';
    return valueAt(block, r & MASK);
  }

  formatId(r: number, c: number): number {
    const block = this.block(r, c, false);
    return block?.fmt ? block.fmt[r & MASK] : 0;
  }

  format(r: number, c: number): string {
    return this.formats.name(this.formatId(r, c));
  }

  /** What the formula bar (and Range.formulas) shows. */
  formulaBar(r: number, c: number): number | string | boolean {
    const block = this.block(r, c, false);
    if (!block) return '';
    const i = r & MASK;
    const flags = block.flags ? block.flags[i] : 0;
    if (flags & F_FORMULA) return this.formulas.get(r * MAX_COLS + c) ?? '';
    if (flags & F_QUOTE) return `'${block.str![i]}`;
    return valueAt(block, i);
  }

  text(r: number, c: number): string {
    return formatText(this.value(r, c), this.format(r, c));
  }

  isFormula(r: number, c: number): boolean {
    const block = this.block(r, c, false);
    return !!block?.flags && (block.flags[r & MASK] & F_FORMULA) !== 0;
  }

  valueType(r: number, c: number): string {
    const block = this.block(r, c, false);
    switch (block ? block.kind[r & MASK] : K_EMPTY) {
      case K_NUM:
        return 'Double';
      case K_STR:
        return 'String';
      case K_BOOL:
        return 'Boolean';
      case K_ERR:
        return 'Error';
      default:
        return 'Empty';
    }
  }

  /** Applies one interpreted input to a cell. */
  write(r: number, c: number, input: CellInput): void {
    if (input.t === 'skip') return;
    if (input.t === 'clear') {
      this.clearContent(r, c);
      return;
    }
    const block = this.block(r, c, true)!;
    const i = r & MASK;
    const key = r * MAX_COLS + c;
    if (block.kind[i] === K_EMPTY) block.filled++;
    if (block.flags && block.flags[i] & F_FORMULA) this.formulas.delete(key);
    if (block.flags) block.flags[i] = 0;
    switch (input.t) {
      case 'num':
        setNum(block, i, input.v);
        if (input.autoFormat && (!block.fmt || block.fmt[i] === 0)) this.setFormatId(r, c, this.formats.id(input.autoFormat));
        return;
      case 'bool':
        block.kind[i] = K_BOOL;
        (block.num ??= new Float64Array(BLOCK))[i] = input.v ? 1 : 0;
        return;
      case 'text':
        setStr(block, i, K_STR, input.v);
        if (input.quotePrefix) (block.flags ??= new Uint8Array(BLOCK))[i] = F_QUOTE;
        return;
      case 'formula': {
        const v = evaluateFormula(input.f);
        if (typeof v === 'number') setNum(block, i, v);
        else if (typeof v === 'boolean') {
          block.kind[i] = K_BOOL;
          (block.num ??= new Float64Array(BLOCK))[i] = v ? 1 : 0;
        } else setStr(block, i, v === ERROR_NAME ? K_ERR : K_STR, v);
        (block.flags ??= new Uint8Array(BLOCK))[i] = F_FORMULA;
        this.formulas.set(key, input.f);
        return;
      }
    }
  }

  /** A formula cell's computed value, the formula kept (recalculation). */
  setFormulaResult(r: number, c: number, v: number): void {
    if (!this.isFormula(r, c)) return;
    const block = this.block(r, c, false)!;
    setNum(block, r & MASK, v);
  }

  /** Stores a value as given (test setup): strings stay text, nothing is parsed. */
  writeRaw(r: number, c: number, v: unknown): void {
    if (v === null || v === undefined || v === '') return this.clearContent(r, c);
    if (typeof v === 'number') return this.write(r, c, { t: 'num', v });
    if (typeof v === 'boolean') return this.write(r, c, { t: 'bool', v });
    this.write(r, c, { t: 'text', v: String(v) });
  }

  clearContent(r: number, c: number): void {
    const block = this.block(r, c, false);
    if (!block) return;
    const i = r & MASK;
    if (block.kind[i] === K_EMPTY) return;
    if (block.flags) {
      if (block.flags[i] & F_FORMULA) this.formulas.delete(r * MAX_COLS + c);
      block.flags[i] = 0;
    }
    if (block.str) block.str[i] = undefined;
    block.kind[i] = K_EMPTY;
    block.filled--;
  }

  setFormatId(r: number, c: number, id: number): void {
    const block = this.block(r, c, id !== 0);
    if (!block) return;
    const i = r & MASK;
    const before = block.fmt ? block.fmt[i] : 0;
    if (before === id) return;
    (block.fmt ??= new Uint16Array(BLOCK))[i] = id;
    block.formatted += id === 0 ? -1 : before === 0 ? 1 : 0;
  }

  clear(rect: Rect, what: 'All' | 'Formats' | 'Contents'): void {
    for (const [c, col] of this.cols) {
      if (c < rect.c0 || c >= rect.c0 + rect.cols) continue;
      const r1 = rect.r0 + rect.rows;
      for (let b = rect.r0 >> BLOCK_BITS; b <= (r1 - 1) >> BLOCK_BITS && b < col.length; b++) {
        const block = col[b];
        if (!block) continue;
        const from = Math.max(rect.r0, b << BLOCK_BITS);
        const to = Math.min(r1, (b + 1) << BLOCK_BITS);
        for (let r = from; r < to; r++) {
          if (what !== 'Formats') this.clearContent(r, c);
          if (what !== 'Contents') this.setFormatId(r, c, 0);
        }
      }
    }
    if (what !== 'Contents') {
      const keep = this.formatOps.filter((op) => !contains(rect, op.rect));
      this.formatOps.splice(0, this.formatOps.length, ...keep);
    }
    if (what === 'All') {
      for (const cf of this.conditionalFormats) if (contains(rect, cf.rect)) cf.deleted = true;
      const dvs = this.dataValidations.filter((dv) => !contains(rect, dv.rect));
      this.dataValidations.splice(0, this.dataValidations.length, ...dvs);
      for (const key of [...this.hyperlinks.keys()]) {
        const [r, c] = key.split(',').map(Number);
        if (contains(rect, { r0: r, c0: c, rows: 1, cols: 1 })) this.hyperlinks.delete(key);
      }
    }
  }

  /** The smallest rectangle holding every non-empty (and, unless valuesOnly, formatted) cell. */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    const used = (block: Block, i: number) => block.kind[i] !== K_EMPTY || (!valuesOnly && !!block.fmt && block.fmt[i] !== 0);
    const any = (block: Block | undefined) => !!block && (block.filled > 0 || (!valuesOnly && block.formatted > 0));
    for (const [c, col] of this.cols) {
      let first = -1;
      for (let b = 0; b < col.length; b++) {
        const block = col[b];
        if (!any(block)) continue;
        for (let i = 0; i < BLOCK; i++) {
          if (used(block!, i)) {
            first = (b << BLOCK_BITS) + i;
            break;
          }
        }
        break;
      }
      if (first < 0) continue;
      let last = first;
      for (let b = col.length - 1; b >= 0; b--) {
        const block = col[b];
        if (!any(block)) continue;
        for (let i = BLOCK - 1; i >= 0; i--) {
          if (used(block!, i)) {
            last = (b << BLOCK_BITS) + i;
            break;
          }
        }
        break;
      }
      r0 = Math.min(r0, first);
      r1 = Math.max(r1, last);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    }
    if (r1 < 0) return undefined;
    return { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Reads a rectangle cell by cell into row arrays; `pick` chooses what each cell shows. */
  readRect<T>(rect: Rect, pick: (r: number, c: number) => T): T[][] {
    const out: T[][] = new Array(rect.rows);
    for (let i = 0; i < rect.rows; i++) {
      const row: T[] = new Array(rect.cols);
      for (let j = 0; j < rect.cols; j++) row[j] = pick(rect.r0 + i, rect.c0 + j);
      out[i] = row;
    }
    return out;
  }

  /** Fast path for Range.values: walks blocks column by column. */
  readValues(rect: Rect): (number | string | boolean)[][] {
    const out: (number | string | boolean)[][] = new Array(rect.rows);
    for (let i = 0; i < rect.rows; i++) out[i] = new Array(rect.cols).fill('');
    for (let j = 0; j < rect.cols; j++) {
      const col = this.cols.get(rect.c0 + j);
      if (!col) continue;
      for (let i = 0; i < rect.rows; ) {
        const r = rect.r0 + i;
        const block = col[r >> BLOCK_BITS];
        const end = Math.min(rect.rows, i + (BLOCK - (r & MASK)));
        if (block && block.filled > 0) {
          for (let k = i; k < end; k++) {
            const idx = (rect.r0 + k) & MASK;
            if (block.kind[idx] !== K_EMPTY) out[k][j] = valueAt(block, idx);
          }
        }
        i = end;
      }
    }
    return out;
  }

  private record(r: number, c: number): CellRecord | undefined {
    const block = this.block(r, c, false);
    if (!block) return undefined;
    const i = r & MASK;
    const fmt = block.fmt ? block.fmt[i] : 0;
    if (block.kind[i] === K_EMPTY && fmt === 0) return undefined;
    const flags = block.flags ? block.flags[i] : 0;
    return {
      kind: block.kind[i],
      num: block.num ? block.num[i] : 0,
      str: block.str ? block.str[i] : undefined,
      flags,
      fmt,
      formula: flags & F_FORMULA ? this.formulas.get(r * MAX_COLS + c) : undefined,
    };
  }

  private put(r: number, c: number, rec: CellRecord | undefined): void {
    this.clearContent(r, c);
    this.setFormatId(r, c, rec ? rec.fmt : 0);
    if (!rec || rec.kind === K_EMPTY) return;
    const block = this.block(r, c, true)!;
    const i = r & MASK;
    block.kind[i] = rec.kind;
    block.filled++;
    if (rec.kind === K_NUM || rec.kind === K_BOOL) (block.num ??= new Float64Array(BLOCK))[i] = rec.num;
    else (block.str ??= new Array(BLOCK))[i] = rec.str;
    if (rec.flags) (block.flags ??= new Uint8Array(BLOCK))[i] = rec.flags;
    if (rec.formula !== undefined) this.formulas.set(r * MAX_COLS + c, rec.formula);
  }

  /** Inserts `count` empty rows at `at`, shifting cells in columns [c0, c0+cols) down (like Insert > Shift cells down). */
  insertRows(at: number, count: number, c0: number, cols: number): void {
    const used = this.usedRect(false);
    const last = used ? used.r0 + used.rows - 1 : -1;
    if (last >= at && last + count >= MAX_ROWS) {
      for (let c = c0; c < c0 + cols; c++)
        for (let r = MAX_ROWS - count; r <= last; r++)
          if (this.record(r, c)) throw richError('InvalidOperation', undefined, undefined, NON_BLANK_OFF_SHEET);
    }
    for (let c = c0; c < c0 + cols; c++) {
      for (let r = last; r >= at; r--) if (r + count < MAX_ROWS) this.put(r + count, c, this.record(r, c));
      for (let r = at; r < Math.min(at + count, last + 1); r++) this.put(r, c, undefined);
    }
  }

  /** Inserts `count` empty columns at `at`, shifting cells in rows [r0, r0+rows) right. */
  insertColumns(at: number, count: number, r0: number, rows: number): void {
    const used = this.usedRect(false);
    const last = used ? used.c0 + used.cols - 1 : -1;
    if (last >= at && last + count >= MAX_COLS) throw richError('InvalidOperation', undefined, undefined, NON_BLANK_OFF_SHEET);
    for (let r = r0; r < r0 + rows; r++) {
      for (let c = last; c >= at; c--) this.put(r, c + count, this.record(r, c));
      for (let c = at; c < Math.min(at + count, last + 1); c++) this.put(r, c, undefined);
    }
  }

  /** Deletes `count` rows at `at` within columns [c0, c0+cols), shifting cells below up. */
  deleteRows(at: number, count: number, c0: number, cols: number): void {
    const used = this.usedRect(false);
    const last = used ? used.r0 + used.rows - 1 : -1;
    for (let c = c0; c < c0 + cols; c++) {
      for (let r = at; r <= last; r++) this.put(r, c, r + count <= last ? this.record(r + count, c) : undefined);
    }
  }

  /** Deletes `count` columns at `at` within rows [r0, r0+rows), shifting cells to the right left. */
  deleteColumns(at: number, count: number, r0: number, rows: number): void {
    const used = this.usedRect(false);
    const last = used ? used.c0 + used.cols - 1 : -1;
    for (let r = r0; r < r0 + rows; r++) {
      for (let c = at; c <= last; c++) this.put(r, c, c + count <= last ? this.record(r, c + count) : undefined);
    }
  }

  isEmpty(rect: Rect): boolean {
    for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
      const col = this.cols.get(c);
      if (!col) continue;
      for (let r = rect.r0; r < rect.r0 + rect.rows; r++) {
        const block = col[r >> BLOCK_BITS];
        if (!block) {
          r = (((r >> BLOCK_BITS) + 1) << BLOCK_BITS) - 1;
          continue;
        }
        if (block.kind[r & MASK] !== K_EMPTY) return false;
      }
    }
    return true;
  }
}

const NON_BLANK_OFF_SHEET =
  "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.";

function valueAt(block: Block, i: number): number | string | boolean {
  switch (block.kind[i]) {
    case K_NUM:
      return block.num![i];
    case K_BOOL:
      return block.num![i] === 1;
    case K_STR:
    case K_ERR:
      return block.str![i] ?? '';
    default:
      return '';
  }
}

function setNum(block: Block, i: number, v: number): void {
  block.kind[i] = K_NUM;
  (block.num ??= new Float64Array(BLOCK))[i] = v === 0 ? 0 : v; // Excel has no negative zero (and JSON sends -0 as 0)
  if (block.str) block.str[i] = undefined;
}

function setStr(block: Block, i: number, kind: number, v: string): void {
  block.kind[i] = kind;
  (block.str ??= new Array(BLOCK))[i] = v;
}

