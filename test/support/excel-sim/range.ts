// Range and its format (font, fill, borders). Conditional formats and data validation: conditional.ts.
import { Rect, cellCount, checkRect, contains, formatAddress, intersects, MAX_COLS, MAX_ROWS } from './address';
import { Ctx, ProxyBase } from './base';
import { ConditionalFormatCollectionProxy, DataValidationProxy } from './conditional';
import { interpretInput } from './convert';
import { DIMENSION_MISMATCH, richError } from './errors';
import type { SheetModel } from './model';
import type { HyperlinkModel } from './sheet-model';
import { WorksheetProxy } from './sheet';

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const CELL_DATA = new Set(['values', 'formulas', 'numberFormat', 'text', 'valueTypes']);
const RANGE_SCALARS = [
  'address',
  'addressLocal',
  'rowCount',
  'columnCount',
  'cellCount',
  'rowIndex',
  'columnIndex',
  'isEntireColumn',
  'isEntireRow',
  'values',
  'formulas',
  'numberFormat',
  'text',
  'valueTypes',
  'hyperlink',
] as const;

const q = (s: string) => JSON.stringify(s);

/** Checks a written 2-D array against the range; a non-array value is broadcast to every cell. */
function shapeOf(value: unknown, rect: Rect): 'scalar' | 'grid' {
  if (!Array.isArray(value)) {
    if (value !== null && typeof value === 'object') throw richError('InvalidArgument');
    return 'scalar';
  }
  const ok = value.length === rect.rows && value.every((row) => Array.isArray(row) && row.length === rect.cols);
  if (!ok) throw richError('InvalidArgument', undefined, undefined, DIMENSION_MISMATCH);
  return 'grid';
}

/** Writes values/formulas (as typed input) or number formats into a rectangle of a sheet. */
/** A protected sheet's cells are locked (Excel's default): writing or clearing them is refused. */
export function checkUnprotected(sheet: SheetModel): void {
  if (sheet.protected) throw richError('AccessDenied', undefined, undefined, '[sim] The cell is on a protected sheet.');
}

export function writeCells(ctx: Ctx, sheet: SheetModel, rect: Rect, prop: 'values' | 'formulas' | 'numberFormat', value: unknown): void {
  checkUnprotected(sheet);
  const shape = shapeOf(value, rect);
  const grid = value as unknown[][];
  const at = (i: number, j: number) => (shape === 'scalar' ? value : grid[i][j]);
  if (prop === 'numberFormat') {
    for (let i = 0; i < rect.rows; i++) {
      for (let j = 0; j < rect.cols; j++) {
        const f = at(i, j);
        if (f === null || f === undefined) continue;
        sheet.setFormatId(rect.r0 + i, rect.c0 + j, sheet.formats.id(String(f)));
      }
    }
  } else {
    const textId = sheet.formats.id('@');
    for (let i = 0; i < rect.rows; i++) {
      const r = rect.r0 + i;
      for (let j = 0; j < rect.cols; j++) {
        const v = at(i, j);
        const c = rect.c0 + j;
        if (typeof v === 'number') sheet.write(r, c, Number.isFinite(v) ? { t: 'num', v } : { t: 'skip' });
        else sheet.write(r, c, interpretInput(v, typeof v === 'string' && sheet.formatId(r, c) === textId));
      }
    }
  }
  ctx._wb.afterWrite(sheet, rect);
}

export class RangeProxy extends ProxyBase {
  readonly _type = 'Range';
  private _t: RangeTarget | undefined;

  constructor(
    ctx: Ctx,
    path: string,
    private readonly _resolver: () => RangeTarget,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }

  _resolve(): RangeTarget {
    if (this._t) {
      if (this._t.sheet.deleted) throw richError('ItemNotFound');
      return this._t;
    }
    const t = this._resolver();
    checkRect(t.rect);
    this._t = t;
    return t;
  }

  _check(): void {
    this._resolve();
  }

  protected _scalars(): readonly string[] {
    return RANGE_SCALARS;
  }

  protected _read(prop: string): unknown {
    const { sheet, rect } = this._resolve();
    if (CELL_DATA.has(prop) && cellCount(rect) > this._ctx._options.maxReadCells) {
      throw richError('RangeExceedsLimit', undefined, `Range.${prop}`);
    }
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return formatAddress(sheet.name, rect);
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.cols;
      case 'cellCount':
        return cellCount(rect);
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'isEntireColumn':
        return rect.r0 === 0 && rect.rows === MAX_ROWS;
      case 'isEntireRow':
        return rect.c0 === 0 && rect.cols === MAX_COLS;
      case 'values':
        return sheet.readValues(rect);
      case 'formulas':
        return sheet.readRect(rect, (r, c) => sheet.formulaBar(r, c));
      case 'numberFormat':
        return sheet.readRect(rect, (r, c) => sheet.format(r, c));
      case 'text':
        return sheet.readRect(rect, (r, c) => sheet.text(r, c));
      case 'valueTypes':
        return sheet.readRect(rect, (r, c) => sheet.valueType(r, c));
      case 'hyperlink':
        this._gate('ExcelApi', '1.7', 'Range.hyperlink');
        return { ...sheet.hyperlinks.get(`${rect.r0},${rect.c0}`) };
      default:
        return undefined;
    }
  }

  protected override _navigate(name: string): ProxyBase | undefined {
    switch (name) {
      case 'worksheet':
        return this.worksheet;
      case 'format':
        return this.format;
      default:
        return undefined;
    }
  }

  private _derive(label: string, rect: (t: RangeTarget) => Rect): RangeProxy {
    this._assertUsable();
    return new RangeProxy(this._ctx, `${this._path}.${label}`, () => {
      const t = this._resolve();
      return { sheet: t.sheet, rect: checkRect(rect(t)) };
    });
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get isEntireColumn(): boolean {
    return this._get('isEntireColumn');
  }
  get isEntireRow(): boolean {
    return this._get('isEntireRow');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._writeProp('values', v);
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this._writeProp('formulas', v);
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._writeProp('numberFormat', v);
  }

  get hyperlink(): HyperlinkModel {
    return this._get('hyperlink');
  }
  /**
   * ExcelApi 1.7. A link to a web address or to a place in the workbook (`documentReference`, which
   * must name cells: `Orders!F12`, `'My sheet'!B3`); textToDisplay rewrites the top-left cell's value.
   */
  set hyperlink(v: HyperlinkModel) {
    this._setProp('hyperlink', v, () => {
      this._gate('ExcelApi', '1.7', 'Range.hyperlink');
      const strings = v !== null && typeof v === 'object' && Object.values(v).every((x) => x === undefined || typeof x === 'string');
      const target = strings && (v.address !== undefined || v.documentReference !== undefined);
      const reference = v?.documentReference === undefined || /^('([^']|'')+'|[^'!]+)!\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/.test(v.documentReference);
      if (!target || !reference) throw richError('InvalidArgument', undefined, 'Range.hyperlink');
      const { sheet, rect } = this._resolve();
      for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.cols; j++) sheet.hyperlinks.set(`${rect.r0 + i},${rect.c0 + j}`, { ...v });
      if (v.textToDisplay !== undefined) writeCells(this._ctx, sheet, { ...rect, rows: 1, cols: 1 }, 'values', [[v.textToDisplay]]);
    });
  }

  private _writeProp(prop: 'values' | 'formulas' | 'numberFormat', v: unknown): void {
    this._setProp(prop, v, () => {
      const { sheet, rect } = this._resolve();
      writeCells(this._ctx, sheet, rect, prop, v);
    });
  }

  get worksheet(): WorksheetProxy {
    return this._kid('worksheet', () => new WorksheetProxy(this._ctx, `${this._path}.worksheet`, () => this._resolve().sheet));
  }

  get format(): RangeFormatProxy {
    return this._kid('format', () => new RangeFormatProxy(this._ctx, `${this._path}.format`, this));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this._kid('cfs', () => new ConditionalFormatCollectionProxy(this._ctx, `${this._path}.conditionalFormats`, this));
  }

  get dataValidation(): DataValidationProxy {
    return this._kid('dv', () => new DataValidationProxy(this._ctx, `${this._path}.dataValidation`, this));
  }

  getCell(row: number, column: number): RangeProxy {
    return this._derive(`getCell(${row},${column})`, ({ rect }) => ({ r0: rect.r0 + row, c0: rect.c0 + column, rows: 1, cols: 1 }));
  }

  getRow(row: number): RangeProxy {
    return this._derive(`getRow(${row})`, ({ rect }) => {
      if (!Number.isInteger(row) || row < 0 || row >= rect.rows) throw richError('InvalidArgument');
      return { ...rect, r0: rect.r0 + row, rows: 1 };
    });
  }

  getColumn(column: number): RangeProxy {
    return this._derive(`getColumn(${column})`, ({ rect }) => {
      if (!Number.isInteger(column) || column < 0 || column >= rect.cols) throw richError('InvalidArgument');
      return { ...rect, c0: rect.c0 + column, cols: 1 };
    });
  }

  getLastRow(): RangeProxy {
    return this._derive('getLastRow()', ({ rect }) => ({ ...rect, r0: rect.r0 + rect.rows - 1, rows: 1 }));
  }

  getLastColumn(): RangeProxy {
    return this._derive('getLastColumn()', ({ rect }) => ({ ...rect, c0: rect.c0 + rect.cols - 1, cols: 1 }));
  }

  getLastCell(): RangeProxy {
    return this._derive('getLastCell()', ({ rect }) => ({ r0: rect.r0 + rect.rows - 1, c0: rect.c0 + rect.cols - 1, rows: 1, cols: 1 }));
  }

  getEntireColumn(): RangeProxy {
    return this._derive('getEntireColumn()', ({ rect }) => ({ r0: 0, rows: MAX_ROWS, c0: rect.c0, cols: rect.cols }));
  }

  getEntireRow(): RangeProxy {
    return this._derive('getEntireRow()', ({ rect }) => ({ r0: rect.r0, rows: rect.rows, c0: 0, cols: MAX_COLS }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derive(`getOffsetRange(${rowOffset},${columnOffset})`, ({ rect }) => ({ ...rect, r0: rect.r0 + rowOffset, c0: rect.c0 + columnOffset }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._derive(`getResizedRange(${deltaRows},${deltaColumns})`, ({ rect }) => {
      this._gate('ExcelApi', '1.2', 'Range.getResizedRange');
      return { ...rect, rows: rect.rows + deltaRows, cols: rect.cols + deltaColumns };
    });
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return this._derive(`getAbsoluteResizedRange(${numRows},${numColumns})`, ({ rect }) => {
      this._gate('ExcelApi', '1.7', 'Range.getAbsoluteResizedRange');
      return { ...rect, rows: numRows, cols: numColumns };
    });
  }

  private _used(valuesOnly: boolean | undefined, nullable: boolean): RangeProxy {
    this._assertUsable();
    const label = nullable ? 'getUsedRangeOrNullObject' : 'getUsedRange';
    return new RangeProxy(
      this._ctx,
      `${this._path}.${label}(${!!valuesOnly})`,
      () => {
        if (nullable) this._gate('ExcelApi', '1.4', `Range.${label}`);
        const { sheet, rect } = this._resolve();
        const used = sheet.usedRect(!!valuesOnly);
        if (!used || !intersects(used, rect)) throw richError('ItemNotFound');
        const r0 = Math.max(used.r0, rect.r0);
        const c0 = Math.max(used.c0, rect.c0);
        const r1 = Math.min(used.r0 + used.rows, rect.r0 + rect.rows);
        const c1 = Math.min(used.c0 + used.cols, rect.c0 + rect.cols);
        return { sheet, rect: { r0, c0, rows: r1 - r0, cols: c1 - c0 } };
      },
      nullable,
    );
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._used(valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this._used(valuesOnly, true);
  }

  select(): void {
    this._enqueue('select', null, () => {
      const { sheet, rect } = this._resolve();
      if (sheet.visibility !== 'Visible') throw richError('InvalidOperation');
      this._ctx._wb.activeSheet = sheet;
      this._ctx._wb.selection = { sheet, rect };
    });
  }

  clear(applyTo: string = 'All'): void {
    this._enqueue('clear', applyTo, () => {
      const { sheet, rect } = this._resolve();
      const what = applyTo === 'Contents' || applyTo === 'Formats' ? applyTo : applyTo === 'All' ? 'All' : undefined;
      if (!what) throw richError('InvalidArgument');
      checkUnprotected(sheet);
      sheet.clear(rect, what);
      this._ctx._wb.afterWrite(sheet, rect);
    });
  }
}

/** A format object: every listed property is settable (recorded as a FormatOp) and loadable. */
class FormatPart extends ProxyBase {
  readonly _type: string;
  constructor(
    ctx: Ctx,
    path: string,
    protected readonly _range: RangeProxy,
    type: string,
    private readonly _prefix: string,
    private readonly _props: readonly string[],
  ) {
    super(ctx, path);
    this._type = type;
    for (const p of _props) {
      Object.defineProperty(this, p, {
        configurable: true,
        enumerable: true,
        get: () => this._get(p),
        set: (v: unknown) =>
          this._setProp(p, v, () => {
            const { sheet, rect } = this._range._resolve();
            sheet.formatOps.push({ rect, prop: `${this._prefix}${p}`, value: v });
          }),
      });
    }
  }
  _check(): void {
    this._range._resolve();
  }
  protected _scalars(): readonly string[] {
    return this._props;
  }
  /** The last value recorded for a rectangle covering this range, else null (Excel's "mixed"). */
  protected _read(prop: string): unknown {
    const { sheet, rect } = this._range._resolve();
    for (let i = sheet.formatOps.length - 1; i >= 0; i--) {
      const op = sheet.formatOps[i];
      if (op.prop === `${this._prefix}${prop}` && contains(op.rect, rect)) return op.value;
    }
    return null;
  }
  protected _record(op: string): void {
    this._enqueue(op, null, () => {
      const { sheet, rect } = this._range._resolve();
      sheet.formatOps.push({ rect, prop: `${this._prefix}${op}`, value: true });
    });
  }
}

export class RangeFormatProxy extends FormatPart {
  constructor(ctx: Ctx, path: string, range: RangeProxy) {
    super(ctx, path, range, 'RangeFormat', '', ['columnWidth', 'rowHeight', 'horizontalAlignment', 'verticalAlignment', 'wrapText', 'indentLevel']);
  }
  get font(): FormatPart {
    return this._kid('font', () => new FormatPart(this._ctx, `${this._path}.font`, this._range, 'RangeFont', 'font.', ['bold', 'italic', 'color', 'name', 'size', 'underline', 'strikethrough']));
  }
  get fill(): FillPart {
    return this._kid('fill', () => new FillPart(this._ctx, `${this._path}.fill`, this._range));
  }
  get borders(): Record<string, unknown> {
    return this._kid('borders', () => new BordersPart(this._ctx, `${this._path}.borders`, this._range)) as unknown as Record<string, unknown>;
  }
  protected override _navigate(name: string): ProxyBase | undefined {
    return name === 'font' ? this.font : name === 'fill' ? this.fill : undefined;
  }
  /**
   * Fits each column of the range to the text its cells show (only the range's own cells, as Excel
   * does: VBA's Range.Columns.AutoFit documents "based only on the contents of" the range), in
   * characters plus one for the cell's margins, at most 255 (Excel's widest column). Read back as
   * `SheetModel.columnWidths`.
   */
  autofitColumns(): void {
    this._enqueue('autofitColumns', null, () => {
      this._gate('ExcelApi', '1.2', 'RangeFormat.autofitColumns');
      const { sheet, rect } = this._range._resolve();
      for (let j = 0; j < rect.cols; j++) {
        let chars = 0;
        const rows = Math.min(rect.rows, 100_000);
        for (let i = 0; i < rows; i++) chars = Math.max(chars, sheet.text(rect.r0 + i, rect.c0 + j).length);
        if (chars > 0) sheet.columnWidths.set(rect.c0 + j, Math.min(255, chars + 1));
      }
    });
    this._record('autofitColumns');
  }
  autofitRows(): void {
    this._enqueue('autofitRows', null, () => this._gate('ExcelApi', '1.2', 'RangeFormat.autofitRows'));
    this._record('autofitRows');
  }
}

class FillPart extends FormatPart {
  constructor(ctx: Ctx, path: string, range: RangeProxy) {
    super(ctx, path, range, 'RangeFill', 'fill.', ['color', 'pattern']);
  }
  clear(): void {
    this._record('clear');
  }
}

class BordersPart extends FormatPart {
  constructor(ctx: Ctx, path: string, range: RangeProxy) {
    super(ctx, path, range, 'RangeBorderCollection', 'borders.', []);
  }
  getItem(index: string): FormatPart {
    return this._kid(`item:${index}`, () => new FormatPart(this._ctx, `${this._path}.getItem(${q(index)})`, this._range, 'RangeBorder', `borders.${index}.`, ['style', 'color', 'weight']));
  }
}

