// The kind-specific parts of the summary sheet (loyalty rewards, the RFM heat map, visit compliance)
// on a hand-made table whose figures are worked out below, and how each host writes the heat map.
import { takeSnapshot } from '../../src/engine/history';
import { classifyAll, prepare } from '../../src/engine/run';
import type { Cell } from '../../src/engine/types';
import { MemoryHost } from '../../src/hosts/memory/host';
import { MemoryWorkbook } from '../../src/hosts/memory/workbook';
import { XlsxHost } from '../../src/hosts/xlsx/host';
import { newWorkbook } from '../../src/hosts/xlsx/new-workbook';
import { sheetXml } from '../../src/hosts/xlsx/sheet-xml';
import { MINIMAL_STYLES, StyleBook } from '../../src/hosts/xlsx/styles';
import { HEAT_HIGH, HEAT_LOW, heatColor, heatRows } from '../../src/plan/heat-map';
import type { PlannedBlock, WorkbookPlan } from '../../src/plan/plan';
import { planWorkbook, SHEET_NAMES } from '../../src/plan/planner';
import { excel, sheetWith } from '../hosts/office/helpers';
import { config, table } from '../support/tables';
import { excel as readXlsx, values as xlsxValues } from '../support/xlsx-files';

// Window `all` ends on the latest date, 2024-03-31.
//   a: order O1 on 2024-03-31, 250      -> recency 0 days, 1 order, sales 250
//   b: O2 on 2024-03-01, 50; O3 on 2024-03-11, 49.5 -> recency 20, 2 orders, sales 99.5
//   c: O4 on 2024-01-01, 40             -> recency 90, 1 order, sales 40
const H: Cell[] = ['Customer', 'Order', 'Date', 'Sales'];
const ROWS: Cell[][] = [
  ['a', 'O1', '2024-03-31', 250],
  ['b', 'O2', '2024-03-01', 50],
  ['b', 'O3', '2024-03-11', 49.5],
  ['c', 'O4', '2024-01-01', 40],
];
// Loyalty, 1 point per currency unit per order, rounded half away from zero:
//   a 250; b 50 + round(49.5) = 50 + 50 = 100; c 40. Levels Bronze 0, Silver 100: a, b Silver; c Bronze.
//   Coffee (cost 30): a floor(250/30) = 8, b floor(100/30) = 3, c floor(40/30) = 1 -> 3 customers, 12 times.
//   Voucher (from 200, cost 150): only a (250 >= 200), floor(250/150) = 1 -> 1 customer, 1 time.
const LOYALTY = {
  name: 'Club',
  kind: 'loyalty',
  perCurrency: 1,
  levels: [
    { name: 'Bronze', minPoints: 0 },
    { name: 'Silver', minPoints: 100 },
  ],
  rewards: [
    { name: 'Coffee', cost: 30 },
    { name: 'Voucher', minPoints: 200, cost: 150 },
  ],
};
// RFM, 5 scores over 3 customers: the k-th cut point is the value at position ceil(k x 3 / 5) = 1, 2, 2, 3.
//   Frequency sorted 1, 1, 2 -> cuts 1, 1, 1, 2: a (1) and c (1) have no cut below: F 1; b (2) has three: F 4.
//   Recency days sorted 0, 20, 90 -> cuts 0, 20, 20, 90; score = 1 + cuts strictly below, reversed (6 - s):
//   a (0): 1 -> R 5; b (20): 2 -> R 4; c (90): 4 -> R 2.
//   Grid: R5 F1 = 1 (a), R4 F4 = 1 (b), R2 F1 = 1 (c).
const RFM = { name: 'RFM', kind: 'rfm', scores: 5 };
// Bands on sales with visit frequencies: a (250) is Big, every 30 days; b (99.5) and c (40) are Small, every 60.
//   a visited 2024-03-21: 10 days before the end, within 30 -> in time.
//   b visited 2024-01-15: 16 + 29 + 31 = 76 days before the end, more than 60 -> late. c never visited -> late.
//   Big 1 / 1 = 100 %; Small 0 / 2 = 0 %.
const TIER = {
  name: 'Tier',
  kind: 'bands',
  measure: 'sales',
  bands: [
    { name: 'Small', max: 100, visitEveryDays: 60 },
    { name: 'Big', min: 100, visitEveryDays: 30 },
  ],
};
const VISITS = table(
  ['Customer', 'Visit date'],
  [
    ['a', '2024-03-21'],
    ['b', '2024-01-15'],
  ],
  'Visits',
);

function planned(segmentTypes: unknown[]) {
  const cfg = config({ columns: { customer: 'Customer', order: 'Order', date: 'Date', amount: 'Sales' }, segmentTypes } as Parameters<typeof config>[0]);
  const p = prepare(table(H, ROWS), cfg, undefined, { visits: VISITS });
  const result = classifyAll(p);
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const snapshot = takeSnapshot(result, p.ingested.lines, '2026-01-01T00:00:00Z');
  return { result, plan: planWorkbook({ result, snapshot, configText: '{}' }) };
}

const summaryOf = (plan: WorkbookPlan) => plan.sheets.find((s) => s.role === 'summary')!;
const block = (plan: WorkbookPlan, id: string): PlannedBlock => {
  const b = summaryOf(plan).blocks.find((x) => x.id === id);
  if (!b) throw new Error(`no block ${id}; blocks: ${summaryOf(plan).blocks.map((x) => x.id).join(', ')}`);
  return b;
};

describe('kind parts of the summary sheet (hand-made)', () => {
  const { plan } = planned([LOYALTY, RFM, TIER]);

  it('loyalty: customers and points per level in the summary rows, then the rewards available', () => {
    const summary = block(plan, 'summary-0');
    expect(summary.values[0].slice(0, 4)).toEqual(['Segment', 'Customers', '% customers', 'Earned']);
    expect(summary.values.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Bronze', 1, 40],
      ['Silver', 2, 350],
    ]);
    const rewards = block(plan, 'rewards-0');
    expect(rewards.values).toEqual([
      ['Reward', 'Customers', 'Times'],
      ['Coffee', 3, 12],
      ['Voucher', 1, 1],
    ]);
    expect(rewards.header).toBe(true);
    // Right under the summary block: one blank row, the part's title, then the table.
    const title = block(plan, 'rewards-title-0');
    expect(title.row).toBe(summary.row + summary.values.length + 1);
    expect(rewards.row).toBe(title.row + 1);
    // The Pareto data comes after the parts, so nothing overlaps.
    expect(block(plan, 'pareto-0').row).toBeGreaterThan(rewards.row + rewards.values.length);
  });

  it('RFM: the recency x frequency heat map, recency 5 on top, with a colour scale over the counts', () => {
    const grid = block(plan, 'rfm-grid-1');
    expect(grid.values).toEqual([
      ['Recency \\ Frequency', 'F 1', 'F 2', 'F 3', 'F 4', 'F 5'],
      ['R 5', 1, 0, 0, 0, 0],
      ['R 4', 0, 0, 0, 1, 0],
      ['R 3', 0, 0, 0, 0, 0],
      ['R 2', 1, 0, 0, 0, 0],
      ['R 1', 0, 0, 0, 0, 0],
    ]);
    expect(grid.colorScale).toEqual({ firstColumn: 1, lastColumn: 5, low: HEAT_LOW, high: HEAT_HIGH });
    expect(grid.numberFormats).toEqual(['@', '#,##0', '#,##0', '#,##0', '#,##0', '#,##0']);
    // RFM has no rewards and no visit frequency: no such parts.
    expect(summaryOf(plan).blocks.some((b) => b.id === 'rewards-1' || b.id === 'visits-1')).toBe(false);
  });

  it('visit compliance per segment with a visit frequency', () => {
    const visits = block(plan, 'visits-2');
    expect(visits.values).toEqual([
      ['Segment', 'Visit every (days)', 'Customers', 'Visited in time', 'Compliance'],
      ['Small', 60, 2, 0, 0],
      ['Big', 30, 1, 1, 1],
    ]);
    expect(visits.numberFormats?.[4]).toBe('0.0%');
    expect(visits.conditionalFills?.[0].rules.map((r) => r.text)).toEqual(['Small', 'Big']);
  });

  it('no part for a kind without one (bands without visits)', () => {
    const { plan: p } = planned([{ name: 'Plain', kind: 'bands', measure: 'sales', bands: [{ name: 'All' }] }]);
    expect(summaryOf(p).blocks.map((b) => b.id)).toEqual(['scope', 'title-0', 'summary-0', 'pareto-0', 'migration-title-0']);
  });

  it('the memory host writes the parts where the plan puts them, and keeps the colour scale', async () => {
    const wb = new MemoryWorkbook();
    const host = new MemoryHost(wb);
    await host.apply(plan);
    const cells = wb.values(SHEET_NAMES.summary);
    for (const id of ['rewards-0', 'rfm-grid-1', 'visits-2']) {
      const b = block(plan, id);
      b.values.forEach((row, r) => row.forEach((v, c) => expect(cells[b.row + r][b.column + c]).toEqual(v)));
    }
    const grid = block(plan, 'rfm-grid-1');
    const sheet = wb.sheet(SHEET_NAMES.summary)!;
    expect(sheet.colorScales).toEqual([{ firstColumn: 1, lastColumn: 5, low: HEAT_LOW, high: HEAT_HIGH, row: grid.row + 1, rows: 5, columnOffset: 0 }]);
  });

  it('the xlsx host writes an Excel colour scale over the counts', () => {
    const { xml } = sheetXml(summaryOf(plan), new StyleBook(MINIMAL_STYLES));
    const grid = block(plan, 'rfm-grid-1');
    // Counts in columns B..F, rows under the header (1-based: grid.row + 2 .. grid.row + 6).
    const ref = `B${grid.row + 2}:F${grid.row + 6}`;
    expect(xml).toContain(
      `<conditionalFormatting sqref="${ref}"><cfRule type="colorScale" priority="`,
    );
    expect(xml).toMatch(new RegExp(`sqref="${ref}"><cfRule type="colorScale" priority="\\d+"><colorScale><cfvo type="min"/><cfvo type="max"/><color rgb="FFFFFFFF"/><color rgb="FF63BE7B"/></colorScale></cfRule>`));
  });

  it('an .xlsx file with the heat map opens in another reader (ExcelJS) with its values and colour scale', async () => {
    const host = await XlsxHost.open(await newWorkbook('Sales', [H, ...ROWS]), 'kinds.xlsx');
    const report = await host.apply(plan);
    // No notes: the charts of every kind are drawn in .xlsx files too.
    expect(report.issues).toEqual([]);
    const ws = (await readXlsx(await host.toBuffer())).getWorksheet(SHEET_NAMES.summary)!;
    const grid = block(plan, 'rfm-grid-1');
    const cells = xlsxValues(ws);
    grid.values.forEach((row, r) => row.forEach((v, c) => expect(cells[grid.row + r][c]).toEqual(v)));
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cf.filter((f) => f.rules.some((r) => r.type === 'colorScale')).map((f) => f.ref)).toEqual([`B${grid.row + 2}:F${grid.row + 6}`]);
  });

  it('the office host adds a colour scale conditional format over the counts', async () => {
    const { sim, host } = excel();
    sheetWith(sim, 'Sales', [H, ...ROWS]);
    const report = await host.apply(plan);
    expect(report.issues).toEqual([]);
    const sheet = sim.model.findSheet(SHEET_NAMES.summary)!;
    const grid = block(plan, 'rfm-grid-1');
    const scales = sheet.conditionalFormats.filter((cf) => !cf.deleted && cf.type === 'ColorScale');
    expect(scales.map((cf) => cf.rect)).toEqual([{ r0: grid.row + 1, c0: 1, rows: 5, cols: 5 }]);
    expect(scales[0].props).toEqual({ criteria: { minimum: { type: 'LowestValue', color: HEAT_LOW }, maximum: { type: 'HighestValue', color: HEAT_HIGH } } });
  });
});

describe('heat map helpers', () => {
  it('puts the most recent score on top and keeps the counts', () => {
    // grid[r - 1][f - 1]: R1 = [1, 2], R2 = [3, 4]
    expect(heatRows([[1, 2], [3, 4]])).toEqual([
      { recency: 2, counts: [3, 4] },
      { recency: 1, counts: [1, 2] },
    ]);
  });

  it('blends linearly from the low to the high colour, as Excel does between lowest and highest', () => {
    expect(heatColor(0, 0, 10)).toBe('#FFFFFF');
    expect(heatColor(10, 0, 10)).toBe('#63BE7B');
    // halfway: FF + (63 - FF) / 2 = 255 - 78 = 177 = B1; FF + (BE - FF) / 2 = 255 - 32.5 = 222.5 -> 223 = DF; 255 - 66 = 189 = BD
    expect(heatColor(5, 0, 10)).toBe('#B1DFBD');
    // all counts equal: the low colour, no division by zero
    expect(heatColor(3, 3, 3)).toBe('#FFFFFF');
  });
});
