// Workbooks for the office host tests, built straight on the simulator's model (test setup is
// not an add-in: it does not go through the API or its limits).
import type { Cell } from '../../../src/engine/types';
import { OfficeHost } from '../../../src/hosts/office/host';
import { SimExcel, type SimOptions } from '../../support/excel-sim';
import type { SheetModel } from '../../support/excel-sim/model';

export function sheetWith(sim: SimExcel, name: string, grid: readonly (readonly Cell[])[], row = 0, column = 0): SheetModel {
  const sheet = sim.model.findSheet(name) ?? sim.model.addSheet(name);
  for (let r = 0; r < grid.length; r++) for (let c = 0; c < grid[r].length; c++) sheet.writeRaw(row + r, column + c, grid[r][c]);
  return sheet;
}

export function excel(options: Partial<SimOptions> = {}): { sim: SimExcel; host: OfficeHost } {
  const sim = new SimExcel(undefined, options);
  return { sim, host: new OfficeHost(sim.run, sim.isSetSupported) };
}

/** Every cell of a sheet's used range as Range.values shows it. */
export function valuesOf(sheet: SheetModel): (string | number | boolean)[][] {
  const used = sheet.usedRect(true);
  return used ? sheet.readValues({ r0: 0, c0: 0, rows: used.r0 + used.rows, cols: used.c0 + used.cols }) : [];
}

/** A picture of the workbook to compare before and after: sheet names, visibility, every value and formula. */
export function snapshotOf(sim: SimExcel): string {
  return JSON.stringify(
    sim.model.sheets.map((s) => {
      const used = s.usedRect(true);
      const cells = used ? s.readRect({ r0: 0, c0: 0, rows: used.r0 + used.rows, cols: used.c0 + used.cols }, (r, c) => s.formulaBar(r, c)) : [];
      return { name: s.name, id: s.id, visibility: s.visibility, cells };
    }),
  );
}

export function formulasIn(sheet: SheetModel): string[] {
  const used = sheet.usedRect(true);
  const out: string[] = [];
  if (!used) return out;
  for (let r = used.r0; r < used.r0 + used.rows; r++) for (let c = used.c0; c < used.c0 + used.cols; c++) if (sheet.isFormula(r, c)) out.push(`${r},${c}:${String(sheet.formulaBar(r, c))}`);
  return out;
}
