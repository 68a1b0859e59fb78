// Opens an .xlsx file in the Excel simulator, the way Excel shows it to the add-in: every sheet in
// file order with its name and visibility, every cell's value (numbers as numbers, dates as serials,
// text as text), the tables, and `workbook.settings` from the add-in's saved part (as Excel loads
// them). Formats, charts and the rest are not carried. Test setup: it goes through the model, not
// the API. Cells and settings are read with the xlsx host's readers.
import { XlsxPackage } from '../../src/hosts/xlsx/package';
import { readSheetXml, sharedStrings, tablesOf } from '../../src/hosts/xlsx/read';
import { findAddinPart, readAddinProperties } from '../../src/hosts/xlsx/settings';
import type { SimExcel } from './excel-sim';
import type { SheetModel } from './excel-sim/model';

const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

export async function loadXlsxIntoSim(bytes: Uint8Array, sim: SimExcel): Promise<void> {
  const pkg = await XlsxPackage.load(bytes, 'fixture.xlsx');
  const strings = await sharedStrings(pkg);
  const entries = await pkg.sheets();
  const byPath = new Map<string, SheetModel>();
  for (const entry of entries) {
    const sheet = sim.model.addSheet(entry.name);
    byPath.set(entry.path, sheet);
    const xml = await pkg.bytes(entry.path);
    if (!xml) throw new Error(`no part for sheet ${entry.name}`);
    const grid = readSheetXml(xml, strings);
    grid.rows.forEach((row, i) => row?.forEach((v, c) => sheet.writeRaw(grid.top + i, c, v)));
  }
  // Hidden after every sheet exists: Excel keeps at least one sheet visible.
  for (const entry of entries) byPath.get(entry.path)!.visibility = VISIBILITY[entry.state];
  for (const t of await tablesOf(pkg, entries)) {
    sim.model.addTable(byPath.get(t.sheet.path)!, { r0: t.top, c0: t.left, rows: t.bottom - t.top + 1, cols: t.right - t.left + 1 }, t.name);
  }
  sim.model.activeSheet = sim.model.sheets.find((s) => s.visibility === 'Visible');
  const part = await findAddinPart(pkg);
  if (part) readAddinProperties((await pkg.text(part)) ?? '').forEach((v, k) => sim.model.settings.set(k, v));
}
