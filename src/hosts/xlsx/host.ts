// WorkbookHost over an .xlsx file's bytes, at the package level: Tierwise's sheets, tables and
// settings are parts it adds or replaces; the segment columns are spliced into the source sheet's
// XML; every other part of the file (charts, pivot tables, slicers, macros, the add-in's other
// settings...) keeps its bytes. The ownership rules are those of the memory host.
import { rangeAddress } from '../../engine/address';
import { columnFormats, FORMAT_SAMPLE_ROWS } from '../../engine/money-format';
import type { Cell, Issue, SourceTable } from '../../engine/types';
import { freeSheetName, freeTableName } from '../../plan/names';
import { sourceColumnHeader } from '../../plan/planner';
import { ownedText, parseOwned, SETTINGS_CONFIG, SETTINGS_OWNED, type OwnedState } from '../../plan/owned';
import { drawableCharts, writtenSheet, type PlannedChart, type PlannedSheet, type PlannedSourceColumns, type WorkbookPlan } from '../../plan/plan';
import { readPreviousRun } from '../../plan/previous';
import { hiddenRowsNote, noHeaderRow, uncalculatedNote, protectedSource, protectedStructure, SourceProblem, sourceFromGrid, tableFingerprint } from '../../plan/source-check';
import type { ApplyReport, PreviousRun, RunOptions, SourceInfo, SourceRef, StoredConfig, WorkbookHost } from '../host';
import { PackageError, REPAIR_ADVICE, XlsxPackage, type SheetEntry } from './package';
import { afterSheetData, autoFilterHidesRows, cellStyleIds, cellXmlValue, isOn, protectsCells, denseRows, MAX_SHEET_XML_BYTES, readRange, readSheetXml, sharedStrings, tablesOf, type Range, type TableEntry } from './read';
import { findAddinPart, parseSettingsSheet, readAddinProperties, SETTINGS_SHEET, settingsSheetValues, writeAddinProperties } from './settings';
import { chartXml, drawingXml } from './chart-xml';
import { sheetXml, tablePartsXml, tableXml } from './sheet-xml';
import { spliceSourceColumns, widenTable } from './source-columns';
import { cellFormatCodes, MINIMAL_STYLES, StyleBook } from './styles';
import { attributes, CONTENT_TYPE, findTags, REL } from './xml';

/** How the xlsx host names a sheet it owns: Excel's sheetId, which a rename keeps. */
const sheetKey = (s: SheetEntry) => `sheetId:${s.sheetId}`;
const CALC_CHAIN = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain';

export class XlsxHost implements WorkbookHost {
  private strings?: string[];
  /** Fingerprint of each source as last read (sheet or table name -> fingerprint). */
  private readonly lastRead = new Map<string, string>();

  private constructor(
    readonly pkg: XlsxPackage,
    private readonly settings: Map<string, string>,
    /** The add-in's settings part, when the add-in saved settings in this workbook. */
    private readonly addinPart: string | undefined,
    readonly label: string,
  ) {}

  /** Opens a workbook from its bytes; `label` names it in messages (the file name). */
  static async open(bytes: Uint8Array, label = 'the workbook'): Promise<XlsxHost> {
    const pkg = await XlsxPackage.load(bytes, label);
    const addinPart = await findAddinPart(pkg);
    let settings = new Map<string, string>();
    if (addinPart) settings = readAddinProperties((await pkg.text(addinPart)) ?? '');
    const host = new XlsxHost(pkg, settings, addinPart, label);
    // A key the add-in's part lacks comes from the settings sheet: Excel saves the part as soon as
    // the pane was open in a file this host wrote, before the add-in saved anything.
    const sheet = await host.settingsSheet();
    const stored = sheet && parseSettingsSheet(await host.grid(sheet));
    stored?.forEach((v, k) => {
      if (!host.settings.has(k)) host.settings.set(k, v);
    });
    return host;
  }

  /** Where the configuration is kept: the add-in's saved settings, or the Tierwise Settings sheet. */
  get settingsPlace(): 'add-in settings' | 'settings sheet' {
    return this.addinPart ? 'add-in settings' : 'settings sheet';
  }

  async toBuffer(): Promise<Buffer> {
    return this.pkg.toBuffer();
  }

  /** Segment types whose columns an earlier run wrote beside the source (a run that does not say keeps them current). */
  previousSourceColumnTypes(): string[] {
    const headers = this.owned().sourceColumns?.headers ?? [];
    const suffix = sourceColumnHeader('');
    return headers.filter((h) => h.endsWith(suffix)).map((h) => h.slice(0, -suffix.length));
  }

  private owned(): OwnedState {
    return parseOwned(this.settings.get(SETTINGS_OWNED));
  }

  private async settingsSheet(): Promise<SheetEntry | undefined> {
    const sheets = await this.pkg.sheets();
    const s = sheets.find((x) => x.name.toLowerCase() === SETTINGS_SHEET.toLowerCase());
    return s && parseSettingsSheet(await this.grid(s, { top: 0, left: 0, bottom: 0, right: 0 })) ? s : undefined;
  }

  /**
   * The sheet Tierwise wrote for a role: by sheetId when this host wrote it (a sheet deleted since
   * is gone, even if the user made another with its name); by name when the add-in wrote it, since
   * Excel's runtime ids are not in the file.
   */
  private async ownedSheet(role: PlannedSheet['role'], sheets?: SheetEntry[]): Promise<SheetEntry | undefined> {
    const o = this.owned().sheets[role];
    if (!o) return undefined;
    const all = sheets ?? (await this.pkg.sheets());
    if (o.id?.startsWith('sheetId:')) return all.find((s) => sheetKey(s) === o.id);
    return all.find((s) => s.name.toLowerCase() === o.name.toLowerCase());
  }

  private async ownedSheetPaths(): Promise<Set<string>> {
    const sheets = await this.pkg.sheets();
    const out = new Set<string>();
    for (const role of ['tiers', 'summary', 'history'] as const) {
      const s = await this.ownedSheet(role, sheets);
      if (s) out.add(s.path);
    }
    const settings = await this.settingsSheet();
    if (settings) out.add(settings.path);
    return out;
  }

  private async sharedStrings(): Promise<string[]> {
    return (this.strings ??= await sharedStrings(this.pkg));
  }

  private async sheetBytes(sheet: SheetEntry): Promise<Uint8Array> {
    const size = this.pkg.uncompressedSize(sheet.path);
    if (size !== undefined && size > MAX_SHEET_XML_BYTES) {
      throw new PackageError(
        `${this.label}: sheet "${sheet.name}" is ${(size / 2 ** 20).toFixed(0)} MB once unpacked; Tierwise reads sheets up to ${MAX_SHEET_XML_BYTES / 2 ** 20} MB in memory. Split it, or filter it to the period you need.`,
      );
    }
    const bytes = await this.pkg.bytes(sheet.path);
    if (!bytes) throw new PackageError(`${this.label} is damaged: sheet "${sheet.name}" has no part ${sheet.path}; ${REPAIR_ADVICE}`);
    return bytes;
  }

  /** A sheet's cells as a dense grid from A1 (or inside `bounds`). */
  private async grid(sheet: SheetEntry, bounds?: Range): Promise<Cell[][]> {
    const g = readSheetXml(await this.sheetBytes(sheet), await this.sharedStrings(), bounds);
    if (g.top < 0) return [];
    return denseRows(g, { top: bounds?.top ?? 0, left: bounds?.left ?? 0, bottom: g.bottom, right: bounds ? Math.min(bounds.right, g.right) : g.right });
  }

  async listSources(): Promise<SourceInfo[]> {
    const mine = await this.ownedSheetPaths();
    const sheets = await this.pkg.sheets();
    const out: SourceInfo[] = [];
    for (const t of await tablesOf(this.pkg, sheets)) {
      if (mine.has(t.sheet.path)) continue;
      const rows = Math.max(0, t.bottom - t.top + 1 - t.headerRows - t.totalsRows);
      out.push({ ref: { kind: 'table', name: t.name }, label: `Table ${t.name} (${rows.toLocaleString('en-US')} rows)`, rows });
    }
    for (const s of sheets) {
      if (s.state !== 'visible' || mine.has(s.path)) continue;
      const head = (await this.pkg.head(s.path)) ?? '';
      // The dimension only sizes the label: a damaged one leaves the count out, and the sheet is still read.
      const dim = /<(?:\w+:)?dimension\s+ref="([^"]+)"/.exec(head);
      const bounds = dim ? readRange(dim[1]) : undefined;
      const rows = bounds ? Math.max(0, bounds.bottom - bounds.top) : undefined;
      out.push({ ref: { kind: 'sheet', name: s.name }, label: rows === undefined ? `Sheet ${s.name}` : `Sheet ${s.name} (${rows.toLocaleString('en-US')} rows)`, rows });
    }
    return out;
  }

  private problem(where: string, message: string): SourceProblem {
    return new SourceProblem([{ severity: 'error', where, message }]);
  }

  async readSource(ref: SourceRef, options?: RunOptions): Promise<SourceTable> {
    const sheets = await this.pkg.sheets();
    const names = sheets.map((s) => `"${s.name}"`).join(', ');
    let sheet: SheetEntry | undefined;
    let table: TableEntry | undefined;
    switch (ref.kind) {
      case 'table': {
        const tables = await tablesOf(this.pkg, sheets);
        table = tables.find((t) => t.name.toLowerCase() === ref.name.toLowerCase());
        if (!table) throw this.problem(ref.name, `${this.label} has no table named "${ref.name}" (tables: ${tables.map((t) => `"${t.name}"`).join(', ') || 'none'})`);
        if (table.headerRows === 0) throw new SourceProblem([noHeaderRow(table.name)]);
        sheet = table.sheet;
        break;
      }
      case 'sheet':
        sheet = sheets.find((s) => s.name === ref.name) ?? sheets.find((s) => s.name.toLowerCase() === ref.name.toLowerCase());
        if (!sheet) throw this.problem(ref.name, `${this.label} has no sheet named "${ref.name}" (sheets: ${names})`);
        break;
      case 'selection':
        throw this.problem('(selection)', 'a file has no selection: name a sheet (--sheet) or a table (--table)');
    }
    const bounds: Range | undefined = table ? { top: table.top, left: table.left, bottom: table.bottom - table.totalsRows, right: table.right } : undefined;
    const bytes = await this.sheetBytes(sheet);
    const g = readSheetXml(bytes, await this.sharedStrings(), bounds, (rows) => options?.progress?.(rows, rows, 'read'));
    const rows = g.top < 0 ? [] : denseRows(g, bounds);
    const top = (bounds?.top ?? Math.max(0, g.top)) + 1;
    const out = sourceFromGrid(sheet.name, top, bounds?.left ?? Math.max(0, g.left), rows, this.owned().sourceColumns, table?.name);
    out.date1904 = await this.pkg.date1904();
    out.numberFormats = await this.numberFormats(bytes, out);
    // As the office host says it (hiddenRowsNote): the rows Excel's filter hides are counted too.
    if (table ? table.filtered : autoFilterHidesRows(afterSheetData(bytes))) out.notes = [...(out.notes ?? []), hiddenRowsNote(out, table?.name)];
    if (g.uncalculated) out.notes = [...(out.notes ?? []), uncalculatedNote(sheet.name, g.uncalculated)];
    this.lastRead.set(`${sheet.name}|${table?.name ?? ''}`, tableFingerprint(out));
    return out;
  }

  async readPrevious(): Promise<PreviousRun | undefined> {
    const sheets = await this.pkg.sheets();
    const history = await this.ownedSheet('history', sheets);
    const tiers = await this.ownedSheet('tiers', sheets);
    return readPreviousRun({ history: history && (await this.grid(history)), tiers: tiers && (await this.grid(tiers)) });
  }

  async loadConfig(): Promise<StoredConfig | undefined> {
    const text = this.settings.get(SETTINGS_CONFIG);
    return text === undefined ? undefined : { text };
  }

  async saveConfig(text: string): Promise<void> {
    this.settings.set(SETTINGS_CONFIG, text);
    await this.writeSettings();
  }

  private async writeSettings(): Promise<void> {
    if (this.addinPart) {
      this.pkg.put(this.addinPart, writeAddinProperties((await this.pkg.text(this.addinPart)) ?? '', this.settings));
      // A settings sheet this host wrote before the add-in saved its settings is kept in step, so
      // the two never disagree; none is created.
      if (!(await this.settingsSheet())) return;
    }
    const values = settingsSheetValues(this.settings);
    const planned: PlannedSheet = { role: 'history', name: SETTINGS_SHEET, visible: false, blocks: [{ id: 'settings', row: 0, column: 0, values, numberFormats: values[1].map(() => '@') }], charts: [] };
    const existing = await this.settingsSheet();
    const styles = await this.styleBook();
    const xml = sheetXml(planned, styles).xml.replace('{{TABLE_PARTS}}', '');
    if (existing) this.pkg.put(existing.path, xml);
    else await this.pkg.addSheet(freeSheetName(SETTINGS_SHEET, (await this.pkg.sheets()).map((s) => s.name)), xml, 'hidden');
    await this.saveStyles(styles);
  }

  private styleBookCache?: { path: string; book: StyleBook };

  /** Per source column, the format most of its first number cells show (the sales column's currency). Reading changes nothing. */
  private async numberFormats(bytes: Uint8Array, source: SourceTable): Promise<(string | undefined)[]> {
    const rel = (await this.pkg.relationships(this.pkg.workbookPath)).find((r) => r.type === REL.styles);
    const xml = this.styleBookCache?.book.xml() ?? (rel && this.pkg.has(rel.target) ? await this.pkg.text(rel.target) : undefined);
    const codes = xml ? cellFormatCodes(xml) : [];
    const columns = source.header.length;
    // origin.row is the header's 1-based row: the data starts on the 0-based row of the same number.
    const ids = cellStyleIds(bytes, source.origin.row, source.origin.column, columns, Math.min(source.rows.length, FORMAT_SAMPLE_ROWS));
    return columnFormats(source.rows, columns, (r, c) => codes[ids[r][c]] ?? (ids[r][c] === 0 ? 'General' : undefined));
  }

  private async styleBook(): Promise<StyleBook> {
    if (this.styleBookCache) return this.styleBookCache.book;
    const rel = (await this.pkg.relationships(this.pkg.workbookPath)).find((r) => r.type === REL.styles);
    let path = rel?.target;
    if (!path || !this.pkg.has(path)) {
      path = 'xl/styles.xml';
      this.pkg.put(path, MINIMAL_STYLES);
      await this.pkg.addContentTypeOverride(path, CONTENT_TYPE.styles);
      if (!rel) await this.pkg.addRelationship(this.pkg.workbookPath, REL.styles, path);
    }
    const book = new StyleBook((await this.pkg.text(path)) ?? MINIMAL_STYLES);
    this.styleBookCache = { path, book };
    return book;
  }

  private async saveStyles(book: StyleBook): Promise<void> {
    if (book.changed && this.styleBookCache) this.pkg.put(this.styleBookCache.path, book.xml());
    book.changed = false;
  }

  async apply(plan: WorkbookPlan, options?: RunOptions): Promise<ApplyReport> {
    const report: ApplyReport = { written: [], renamed: [], issues: [], complete: false };
    const owned = this.owned();
    const sc = plan.sourceColumns;
    // As in Excel: a protected structure takes no new sheets, a protected source sheet no columns.
    if (await this.structureProtected()) {
      report.issues.push(protectedStructure());
      return report;
    }
    const styles = await this.styleBook();
    const source = sc ? await this.spliceSource(sc, owned, styles) : undefined;
    if (source?.issues.length) {
      report.issues.push(...source.issues);
      return report;
    }
    const steps = plan.sheets.length + (sc ? 1 : 0);
    let step = 0;
    for (const ps of plan.sheets) {
      if (options?.signal?.aborted) return report;
      const entry = await this.writeSheet(ps, styles, report);
      owned.sheets[ps.role] = { name: entry.name, id: sheetKey(entry) };
      report.written.push(writtenSheet(entry.name, ps));
      options?.progress?.(++step, steps, 'write');
    }
    if (sc && source?.sheet && source.xml) {
      this.pkg.put(source.sheet.path, source.xml);
      await this.widenSourceTable(sc, source.sheet, owned);
      owned.sourceColumns = { sheet: sc.sheet, tableName: sc.tableName, headerRow: sc.headerRow, column: sc.column, headers: sc.columns.map((c) => c.header), rowCount: sc.rowCount };
      report.written.push(`${rangeAddress(sc.sheet, sc.column, sc.headerRow, sc.columns.length, sc.rowCount + 1)}: ${sc.columns.map((c) => c.header).join(', ')}`);
      options?.progress?.(++step, steps, 'write');
    }
    await this.saveStyles(styles);
    for (const [k, v] of Object.entries(plan.settings)) this.settings.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    this.settings.set(SETTINGS_OWNED, ownedText(owned));
    await this.writeSettings();
    await this.pkg.keepViewsOnVisibleSheets();
    report.written.push(`Settings: ${this.settingsPlace}`);
    report.complete = true;
    return report;
  }

  /** Writes one planned sheet: over the sheet Tierwise owns for that role, else as a new sheet at the end. */
  private async writeSheet(ps: PlannedSheet, styles: StyleBook, report: ApplyReport): Promise<SheetEntry> {
    const pkg = this.pkg;
    const sheets = await pkg.sheets();
    let entry = await this.ownedSheet(ps.role, sheets);
    const replaced = entry ? await this.clearSheetParts(entry) : [];
    if (!entry) {
      const name = freeSheetName(ps.name, sheets.map((s) => s.name));
      if (name !== ps.name) report.renamed.push({ wanted: ps.name, used: name });
      entry = await pkg.addSheet(name, '', ps.visible ? 'visible' : 'hidden');
    } else await pkg.setSheetState(entry, ps.visible ? 'visible' : 'hidden');
    const sx = sheetXml(ps, styles);
    for (const note of sx.notes) report.issues.push({ severity: 'warning', where: entry.name, message: note });
    if (sx.tables.length) {
      const existing = (await tablesOf(pkg, await pkg.sheets())).filter((t) => !replaced.includes(t.path));
      const taken = [...existing.map((t) => t.name), ...(await this.definedNames())];
      let id = Math.max(0, ...existing.map((t) => t.id)) + 1;
      for (const t of sx.tables) {
        const name = freeTableName(t.name, taken);
        taken.push(name);
        if (name !== t.name) report.issues.push({ severity: 'warning', where: entry.name, message: `the table is named ${name}: ${t.name} is taken by another table or name in the workbook` });
        t.name = name;
        t.id = id++;
        const path = pkg.freePartName('tables', 'table');
        pkg.put(path, tableXml(t));
        await pkg.addContentTypeOverride(path, CONTENT_TYPE.table);
        t.relId = await pkg.addRelationship(entry.path, REL.table, path);
      }
    }
    const drawing = await this.addCharts(entry, ps);
    pkg.put(entry.path, sx.xml.replace('{{TABLE_PARTS}}', drawing + tablePartsXml(sx.tables)));
    return entry;
  }

  /**
   * The sheet's charts: a chart part each, one drawing part that anchors them, and the relationships and
   * content types that list them. Returns the sheet's `<drawing>` element ('' without charts).
   */
  private async addCharts(entry: SheetEntry, ps: PlannedSheet): Promise<string> {
    const pkg = this.pkg;
    const drawing = pkg.freePartName('drawings', 'drawing');
    const anchors: { chart: PlannedChart; relId: string }[] = [];
    for (const { chart, block } of drawableCharts(ps)) {
      const path = pkg.freePartName('charts', 'chart');
      pkg.put(path, chartXml(entry.name, chart, block));
      await pkg.addContentTypeOverride(path, CONTENT_TYPE.chart);
      anchors.push({ chart, relId: await pkg.addRelationship(drawing, REL.chart, path) });
    }
    if (anchors.length === 0) return '';
    pkg.put(drawing, drawingXml(anchors));
    await pkg.addContentTypeOverride(drawing, CONTENT_TYPE.drawing);
    return `<drawing r:id="${await pkg.addRelationship(entry.path, REL.drawing, drawing)}"/>`;
  }

  private async definedNames(): Promise<string[]> {
    const wb = await this.pkg.workbookXml();
    return [...wb.matchAll(/<(?:\w+:)?definedName\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1]);
  }

  /**
   * Before an owned sheet is written again: its table parts, its drawing with the charts, and its
   * relationships go (they are Tierwise's; the new sheet brings its own). Returns the removed table parts.
   */
  private async clearSheetParts(entry: SheetEntry): Promise<string[]> {
    const pkg = this.pkg;
    const removed: string[] = [];
    for (const rel of await pkg.relationships(entry.path)) {
      if (rel.type === REL.table) {
        await pkg.removePart(rel.target);
        removed.push(rel.target);
      } else if (rel.type === REL.drawing && !rel.external) {
        // The drawing and its charts go; parts a chart points at (a style someone gave it) stay, unlisted.
        for (const chart of await pkg.relationships(rel.target)) if (chart.type === REL.chart && !chart.external) await pkg.removePart(chart.target);
        await pkg.removePart(rel.target);
      }
    }
    const relsPath = pkg.relsPathOf(entry.path);
    if (pkg.has(relsPath)) pkg.remove(relsPath);
    // A formula someone typed on Tierwise's sheet would leave the calculation chain pointing at a
    // cell that no longer has one, which Excel reports as damage: drop the chain (Excel rebuilds it).
    const old = await pkg.text(entry.path);
    if (old && /<(?:\w+:)?f[\s>/]/.test(old)) await this.dropCalcChain();
    return removed;
  }

  private async dropCalcChain(): Promise<void> {
    const rel = (await this.pkg.relationships(this.pkg.workbookPath)).find((r) => r.type === CALC_CHAIN);
    if (!rel) return;
    await this.pkg.removePart(rel.target);
    await this.pkg.removeRelationship(this.pkg.workbookPath, rel.id);
  }

  private async sourceSheet(sc: PlannedSourceColumns): Promise<SheetEntry | undefined> {
    return (await this.pkg.sheets()).find((s) => s.name === sc.sheet);
  }

  /**
   * The source sheet with the segment columns spliced in, or why nothing may be written beside
   * it: the source is not the one read, or a target cell holds data Tierwise did not write. One
   * pass over the sheet does both, before anything else is written.
   */
  private async spliceSource(sc: PlannedSourceColumns, owned: OwnedState, styles: StyleBook): Promise<{ issues: Issue[]; sheet?: SheetEntry; xml?: Buffer }> {
    const sheet = await this.sourceSheet(sc);
    if (!sheet) return { issues: [{ severity: 'error', where: sc.sheet, message: `the sheet ${sc.sheet} is gone; run Tierwise again` }] };
    if (this.lastRead.get(`${sc.sheet}|${sc.tableName ?? ''}`) !== sc.sourceFingerprint) {
      return { issues: [{ severity: 'error', where: sc.sheet, message: 'the segment columns were planned from a different read of this source: nothing was written beside it; run Tierwise again' }] };
    }
    const bytes = await this.sheetBytes(sheet);
    if (protectsCells(afterSheetData(bytes))) return { issues: [protectedSource(sc.sheet)] };
    const mine = owned.sourceColumns;
    const ours = mine && mine.sheet === sc.sheet && mine.headerRow === sc.headerRow && mine.column === sc.column ? mine : undefined;
    const previous = ours ? { lastColumn: ours.column + ours.headers.length - 1, lastRow: ours.headerRow + ours.rowCount } : undefined;
    const spliced = spliceSourceColumns(bytes, sc, styles.cellStyle({ font: 'bold' }), previous);
    if (spliced.conflict) {
      const { column, row, cellXml } = spliced.conflict;
      return {
        issues: [
          {
            severity: 'error',
            where: rangeAddress(sc.sheet, column, row, 1, 1),
            value: cellXmlValue(cellXml, await this.sharedStrings()),
            message: 'this cell, where Tierwise would write its segment column, holds data Tierwise did not write: nothing was changed. Move or clear that data, or choose fewer segment columns.',
          },
        ],
      };
    }
    return { issues: [], sheet, xml: spliced.xml };
  }

  /** `<workbookProtection lockStructure="1"/>` in workbook.xml: Review > Protect Workbook. */
  private async structureProtected(): Promise<boolean> {
    const tag = findTags(await this.pkg.workbookXml(), 'workbookProtection')[0];
    return tag !== undefined && isOn(attributes(tag.tag).lockStructure);
  }

  private async widenSourceTable(sc: PlannedSourceColumns, sheet: SheetEntry, owned: OwnedState): Promise<void> {
    if (!sc.tableName) return;
    const mine = owned.sourceColumns;
    const ours = mine && mine.sheet === sc.sheet && mine.headerRow === sc.headerRow && mine.column === sc.column ? mine : undefined;
    const table = (await tablesOf(this.pkg, [sheet])).find((t) => t.name === sc.tableName);
    const text = table && (await this.pkg.text(table.path));
    if (table && text) this.pkg.put(table.path, widenTable(text, table, sc, ours?.column));
  }
}
