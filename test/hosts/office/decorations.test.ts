// Decorations never sink a run (issue 16.3): every API a decoration uses is made to fail, in turn,
// the way a build of Excel that does not do it answers; each run must complete with the data as a
// clean run writes it, and a warning naming what was lost, in the report and on the Segment Summary.
//
// The sheet: C1 sells 800, C2 150, C3 50 (default ABC 80/15/5: A, B, C); row 5 holds a text where
// Sales belongs, so the summary lists a problem whose address links to the cell.
import type { Cell } from '../../../src/engine/types';
import type { FaultCode } from '../../support/excel-sim/errors';
import { runTierwise } from '../../support/pipeline';
import { excel, sheetWith, valuesOf } from './helpers';

const SALES: Cell[][] = [
  ['Customer ID', 'Customer Name', 'Sales', 'Profit'],
  ['C1', 'One', 800, 100],
  ['C2', 'Two', 150, -20],
  ['C3', 'Three', 50, 5],
  ['C4', 'Four', 'n/a', 0],
];
const SHEET = { kind: 'sheet', name: 'Sales' } as const;
const OURS = ['Customer Tiers', 'Segment Summary'];

function book(faults: Record<string, FaultCode> = {}) {
  const x = excel({ faults });
  sheetWith(x.sim, 'Sales', SALES);
  return x;
}

/**
 * Every API a decoration uses, with the words its warning must say. A name covers every API that
 * starts with it (`ConditionalFormat.cellValue` covers `ConditionalFormat.cellValue.rule`).
 */
const DECORATION_APIS: Record<string, RegExp> = {
  'RangeFont.bold': /^The bold titles and headers could not be applied/,
  'RangeFont.size': /^The bold titles and headers could not be applied/,
  'RangeFont.color': /^The links from the problem addresses to their cells could not be applied/,
  'RangeFont.underline': /^The links from the problem addresses to their cells could not be applied/,
  'Range.hyperlink': /^The links from the problem addresses to their cells could not be applied/,
  'Table.style': /^The table style of TierwiseTiers could not be applied/,
  'ConditionalFormatCollection.clearAll': /^The segment colours could not be applied/,
  'ConditionalFormatCollection.add': /^The segment colours could not be applied/,
  'ConditionalFormat.cellValue': /^The segment colours could not be applied/,
  'DataValidation.clear': /^The drop-down list of segments in Sales ABC \(manual\) could not be applied/,
  'DataValidation.rule': /^The drop-down list of segments in Sales ABC \(manual\) could not be applied/,
  'ChartCollection.add': /^The Pareto chart "Sales ABC: sales by segment" could not be drawn/,
  'Chart.title': /^The Pareto chart "Sales ABC: sales by segment" could not be drawn/,
  'Chart.setPosition': /^The Pareto chart "Sales ABC: sales by segment" could not be drawn/,
  // The bars' colours alone: the chart stays, in Excel's one colour.
  'ChartPoint.format.fill': /^The segment colours of the chart "Sales ABC: sales by segment" could not be applied/,
  'WorksheetFreezePanes.freezeRows': /^The frozen header row could not be applied/,
  'RangeFormat.autofitColumns': /^The column widths could not be applied/,
};
const CODES: FaultCode[] = ['GeneralException', 'InvalidOperation', 'UnsupportedOperation', 'NotImplemented'];
const covered = (api: string) => Object.keys(DECORATION_APIS).some((d) => api === d || api.startsWith(`${d}.`));

/** What a clean run writes: the cells of Tierwise's sheets and of the user's sheet. */
async function cleanRun() {
  const { sim, host } = book();
  const { report } = await runTierwise(host, SHEET);
  expect(report.complete).toBe(true);
  const cells = Object.fromEntries([...OURS, 'Sales'].map((n) => [n, valuesOf(sim.model.findSheet(n)!)]));
  return { sim, report, cells };
}

describe('office host: a decoration Excel refuses costs only that decoration', () => {
  let clean: Awaited<ReturnType<typeof cleanRun>>;
  beforeAll(async () => {
    clean = await cleanRun();
  });

  it('the clean run uses every decoration API listed here, and no other API outside the core', () => {
    const used = [...clean.sim.stats.apis];
    for (const api of Object.keys(DECORATION_APIS)) expect(used.filter((u) => u === api || u.startsWith(`${api}.`))).not.toEqual([]);
    // The rest is the core (reads, settings, sheets, values, tables, the swap): all or nothing for the run.
    const core = used.filter((u) => !covered(u)).sort();
    expect(core).toEqual(CORE_APIS);
  });

  it.each(Object.keys(DECORATION_APIS).map((api, i) => [api, CODES[i % CODES.length]] as const))('%s refused with %s: the run completes, the data is intact, a warning names what was lost', async (api, code) => {
    const { sim, host } = book({ [api]: code });
    const { report } = await runTierwise(host, SHEET);
    expect(report.complete).toBe(true);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const warnings = report.issues.filter((i) => DECORATION_APIS[api].test(i.message));
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w.message).toMatch(/in this version of Excel \(.+\): .+\.$/);
    // The data as a clean run writes it; the summary only gains the warnings under its problem list.
    for (const name of ['Customer Tiers', 'Sales']) expect(valuesOf(sim.model.findSheet(name)!)).toEqual(clean.cells[name]);
    const summary = valuesOf(sim.model.findSheet('Segment Summary')!);
    const before = clean.cells['Segment Summary'];
    expect(summary.slice(0, before.length).map((r) => r.slice(0, before[0].length))).toEqual(before.map((r) => r.concat(new Array(Math.max(0, summary[0].length - r.length)).fill('')).slice(0, before[0].length)));
    const listed = summary.slice(before.length).map((r) => r[2]);
    for (const w of warnings) expect(listed).toContain(w.message);
    // Everything else was still applied: the Pareto chart is there unless a chart API was refused,
    // and then no part-made chart is left behind (a refused bar colour leaves the chart, uncoloured).
    const charts = sim.model.findSheet('Segment Summary')!.charts.filter((c) => !c.deleted);
    if (/^Chart(Collection)?\./.test(api)) expect(charts).toEqual([]);
    else if (api === 'ChartPoint.format.fill') expect(charts.map((c) => c.props.pointFills)).toEqual([undefined]);
    else expect(charts.length).toBe(clean.sim.model.findSheet('Segment Summary')!.charts.filter((c) => !c.deleted).length);
    if (api !== 'WorksheetFreezePanes.freezeRows') expect(sim.model.findSheet('Customer Tiers')!.frozenRows).toBe(1);
  });

  it('a Pareto chart whose title this Excel refuses: the pane and the summary say which chart and why', async () => {
    const { sim, host } = book({ 'Chart.title': 'UnsupportedOperation' });
    const { report } = await runTierwise(host, SHEET);
    expect(report.complete).toBe(true);
    const message = 'The Pareto chart "Sales ABC: sales by segment" could not be drawn in this version of Excel (This operation is not supported): its figures are in the table beside it.';
    expect(report.issues).toContainEqual({ severity: 'warning', where: 'Segment Summary', message });
    expect(valuesOf(sim.model.findSheet('Segment Summary')!).map((r) => r[2])).toContain(message);
    // The colours, the drop-down and the frozen header are all there.
    expect(sim.model.findSheet('Customer Tiers')!.dataValidations.length).toBe(1);
    expect(sim.model.findSheet('Customer Tiers')!.conditionalFormats.filter((c) => !c.deleted).length).toBeGreaterThan(0);
  });

  it('fits the Segment Summary\'s columns to its tables: column A as wide as "Sales!C5", never the scope sentence (issue 16.5)', () => {
    const summary = clean.sim.model.findSheet('Segment Summary')!;
    expect(String(summary.value(0, 0)).length).toBeGreaterThan(50); // the scope sentence in A1
    // Excel's autofit (simulated: the longest text shown, plus one) on the widest table in A: "Sales!C5".
    expect(summary.columnWidths.get(0)).toBe('Sales!C5'.length + 1);
    // The problem's message in C runs over the empty cells to its right; C fits "Cumulative %".
    expect(summary.columnWidths.get(2)).toBe('Cumulative %'.length + 1);
    // The tiers table: every column fitted, the amounts as their format shows them.
    const tiers = clean.sim.model.findSheet('Customer Tiers')!;
    expect(tiers.columnWidths.get(0)).toBe('Customer'.length + 1);
  });

  it('freezes the header only once the sheet is visible (Excel refuses freeze panes on a hidden sheet)', () => {
    expect(clean.sim.model.findSheet('Customer Tiers')!.frozenRows).toBe(1);
    expect(clean.report.issues.filter((i) => /frozen/.test(i.message))).toEqual([]);
  });
});

/** The APIs of the core stage in this run, sorted: a new one here is a deliberate change (is it data, or a look?). */
const CORE_APIS: string[] = [
  'Application.suspendApiCalculationUntilNextSync',
  'Application.suspendScreenUpdatingUntilNextSync',
  'AutoFilter.load',
  'FunctionResult.load',
  'NamedItemCollection.load',
  'Range.load',
  'Range.numberFormat',
  'Range.values',
  'Runtime.enableEvents',
  'Setting.load',
  'SettingCollection.add',
  'Table.name',
  'TableCollection.add',
  'TableCollection.load',
  'WorkbookProtection.load',
  'Worksheet.load',
  'Worksheet.name',
  'Worksheet.visibility',
  'WorksheetCollection.add',
  'WorksheetCollection.load',
  'WorksheetProtection.load',
];
