// The kind parts of the summary sheet on the Superstore sample with examples/all-kinds.config.json
// and a visits range: each planned block against figures computed here from the tiers columns and
// the raw records, and the memory host writing them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigText } from '../../src/engine/config';
import { takeSnapshot } from '../../src/engine/history';
import { classifyAll, prepare } from '../../src/engine/run';
import type { Cell } from '../../src/engine/types';
import { MemoryHost } from '../../src/hosts/memory/host';
import { MemoryWorkbook } from '../../src/hosts/memory/workbook';
import type { PlannedBlock } from '../../src/plan/plan';
import { planWorkbook, SHEET_NAMES } from '../../src/plan/planner';
import { tierColumns } from '../../src/plan/tiers';
import { superstoreRecords, superstoreTable, table } from '../support/tables';

jest.setTimeout(60_000);

const records = superstoreRecords();
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
// Window `all`: the latest order day of the sample.
const END = Math.max(...records.map((r) => dayOf(r['Order Date'])));
// Visits: each customer's order days, except customers whose id starts with B (never visited).
const visitRows: Cell[][] = records.filter((r) => !r['Customer ID'].startsWith('B')).map((r) => [r['Customer ID'], r['Order Date']]);

const parsed = parseConfigText(readFileSync(join(__dirname, '../../examples/all-kinds.config.json'), 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const p = prepare(superstoreTable(), parsed.config, undefined, { visits: table(['Customer ID', 'Visit date'], visitRows, 'Visits') });
const result = classifyAll(p);
const plan = planWorkbook({ result, snapshot: takeSnapshot(result, p.ingested.lines, '2026-01-01T00:00:00Z'), configText: '{}' });
const summary = plan.sheets.find((s) => s.role === 'summary')!;
const block = (id: string): PlannedBlock => summary.blocks.find((b) => b.id === id)!;
const indexOf = (name: string) => result.types.findIndex((t) => t.type.name === name);
/** Customer id -> tiers value, from the tiers table's columns as written. */
const tiers = (header: string) => {
  const col = tierColumns(result).find((c) => c.header === header);
  if (!col) throw new Error(`no column ${header}`);
  return result.customers.ids.map((id, i) => [id, col.values[i]] as const);
};

describe('kind parts on Superstore (all kinds)', () => {
  it('runs every kind without errors on 793 customers', () => {
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.customers.ids.length).toBe(793);
  });

  it('loyalty rewards: customers whose balance allows each reward and how many times, from the balance column', () => {
    const k = indexOf('Loyalty');
    const balances = tiers('Loyalty (balance)').map(([, v]) => v as number);
    // all-kinds: Free shipping (from 0, cost 200), $50 voucher (from 2000, cost 1000).
    const expected = [
      ['Free shipping', 0, 200],
      ['$50 voucher', 2000, 1000],
    ].map(([name, min, cost]) => {
      const ok = balances.filter((b) => b >= (min as number) && b >= (cost as number));
      return [name, ok.length, ok.reduce((s, b) => s + Math.floor(b / (cost as number)), 0)];
    });
    expect(expected[0][1]).toBeGreaterThan(0);
    expect(expected[1][1]).toBeGreaterThan(0);
    expect(block(`rewards-${k}`).values).toEqual([['Reward', 'Customers', 'Times'], ...expected]);
  });

  it('loyalty levels: customers and points earned per level in the summary rows, from the tiers columns', () => {
    const k = indexOf('Loyalty');
    const level = tiers('Loyalty');
    const earned = tiers('Loyalty (earned)');
    const rows = block(`summary-${k}`).values.slice(1);
    for (const name of ['Bronze', 'Silver', 'Gold', 'Platinum']) {
      const members = level.filter(([, v]) => v === name).map(([id]) => id);
      const points = earned.filter(([id]) => members.includes(id)).reduce((s, [, v]) => s + (v as number), 0);
      const row = rows.find((r) => r[0] === name)!;
      expect([name, row[1]]).toEqual([name, members.length]);
      expect(row[3]).toBeCloseTo(points, 6);
    }
  });

  it('RFM heat map: customers per recency and frequency score, counted from the R and F columns', () => {
    const k = indexOf('RFM');
    const r = tiers('RFM (R)').map(([, v]) => v);
    const f = tiers('RFM (F)').map(([, v]) => v);
    const counts = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    r.forEach((rv, i) => {
      if (typeof rv === 'number' && typeof f[i] === 'number') counts[rv - 1][(f[i] as number) - 1]++;
    });
    const grid = block(`rfm-grid-${k}`);
    expect(grid.values.slice(1).map((row) => row[0])).toEqual(['R 5', 'R 4', 'R 3', 'R 2', 'R 1']);
    expect(grid.values.slice(1).map((row) => row.slice(1))).toEqual([counts[4], counts[3], counts[2], counts[1], counts[0]]);
    expect(grid.values.slice(1).map((row) => row.slice(1)).flat().reduce((s, v) => (s as number) + (v as number), 0)).toBe(793);
    expect(grid.colorScale).toMatchObject({ firstColumn: 1, lastColumn: 5 });
  });

  it('ABC-XYZ matrix: customers per Sales ABC x Demand cell, counted from the combined column, and shares of sales', () => {
    const k = indexOf('Demand');
    const combined = tiers('Demand (ABC-XYZ)');
    const xyz = new Map(tiers('Demand'));
    const customers = block(`abc-xyz-customers-${k}`);
    expect(customers.values[0]).toEqual(['Sales ABC \\ Demand', 'X', 'Y', 'Z', 'Unclassified']);
    for (const row of customers.values.slice(1)) {
      const abc = row[0] as string;
      ['X', 'Y', 'Z'].forEach((x, j) => expect([abc, x, row[j + 1]]).toEqual([abc, x, combined.filter(([, v]) => v === `${abc}${x}`).length]));
    }
    const cells = customers.values.slice(1).flatMap((row) => row.slice(1) as number[]);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(793);
    expect(customers.values.slice(1).reduce((s, row) => s + (row[4] as number), 0)).toBe([...xyz.values()].filter((v) => v === 'Unclassified').length);
    const shares = block(`abc-xyz-measure-${k}`).values.slice(1).flatMap((row) => row.slice(1) as number[]);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('visit compliance of Sales ABC: visited within 30 / 90 / 180 days of the last day, from the raw records', () => {
    const k = indexOf('Sales ABC');
    const seg = new Map(tiers('Sales ABC'));
    const lastVisit = new Map<string, number>();
    for (const [c, d] of visitRows) lastVisit.set(c as string, Math.max(lastVisit.get(c as string) ?? -Infinity, dayOf(d as string)));
    const every: Record<string, number> = { A: 30, B: 90, C: 180 };
    const rows = Object.entries(every).map(([s, days]) => {
      const members = result.customers.ids.filter((id) => seg.get(id) === s);
      const inTime = members.filter((id) => lastVisit.has(id) && END - lastVisit.get(id)! <= days).length;
      return [s, days, members.length, inTime, inTime / members.length];
    });
    expect(result.customers.ids.some((id) => id.startsWith('B') && !lastVisit.has(id))).toBe(true);
    expect(block(`visits-${k}`).values).toEqual([['Segment', 'Visit every (days)', 'Customers', 'Visited in time', 'Compliance'], ...rows]);
  });

  it('the memory host writes every part cell for cell where the plan puts it', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('Orders', [['x']]);
    await new MemoryHost(wb).apply(plan);
    const cells = wb.values(SHEET_NAMES.summary);
    const parts = summary.blocks.filter((b) => /^(rewards|rfm-grid|abc-xyz-customers|abc-xyz-measure|visits)-\d+$/.test(b.id));
    expect(parts.map((b) => b.id)).toEqual([`visits-${indexOf('Sales ABC')}`, `rewards-${indexOf('Loyalty')}`, `rfm-grid-${indexOf('RFM')}`, `abc-xyz-customers-${indexOf('Demand')}`, `abc-xyz-measure-${indexOf('Demand')}`]);
    for (const b of parts) b.values.forEach((row, r) => row.forEach((v, c) => expect([b.id, r, c, cells[b.row + r][b.column + c]]).toEqual([b.id, r, c, v])));
    // No two blocks of the summary share a cell.
    const taken = new Set<string>();
    for (const b of summary.blocks)
      b.values.forEach((row, r) =>
        row.forEach((_, c) => {
          const key = `${b.row + r},${b.column + c}`;
          expect([b.id, taken.has(key)]).toEqual([b.id, false]);
          taken.add(key);
        }),
      );
    // The RFM heat map and the two ABC-XYZ matrices.
    expect(wb.sheet(SHEET_NAMES.summary)!.colorScales).toHaveLength(3);
  });
});

describe('the summary’s charts on Superstore (all kinds, second run)', () => {
  // The same run planned again as a second run a month later: every type gets its migration matrix, its
  // runs' table and the runs' stacked chart. RFM's tables are 13 columns wide, wider than column I.
  const again = planWorkbook({ result, snapshot: takeSnapshot(result, p.ingested.lines, '2026-02-01T00:00:00Z'), previous: { snapshots: [takeSnapshot(result, p.ingested.lines, '2026-01-01T00:00:00Z')], overrides: {} }, configText: '{}' });
  const sheet = again.sheets.find((s) => s.role === 'summary')!;

  it('draws a Pareto and a runs chart per type, and no chart covers a cell of any table or title', () => {
    expect(sheet.charts.map((c) => c.kind)).toEqual(result.types.flatMap(() => ['pareto', 'stacked']));
    const covered: string[] = [];
    for (const c of sheet.charts) {
      for (const b of sheet.blocks) {
        const width = Math.max(...b.values.map((r) => r.length));
        const rows = b.row + b.values.length - 1 >= c.row && b.row <= c.row + c.height - 1;
        const columns = b.column + width - 1 >= c.column && b.column <= c.column + c.width - 1;
        if (rows && columns) covered.push(`${c.title} covers ${b.id}`);
      }
    }
    expect(covered).toEqual([]);
    // RFM's runs table is wider than eight columns: its chart starts right of it.
    const rfm = indexOf('RFM');
    const runs = sheet.blocks.find((b) => b.id === `runs-${rfm}`)!;
    expect(runs.values[0].length).toBeGreaterThan(8);
    expect(sheet.charts.find((c) => c.blockId === `runs-${rfm}`)!.column).toBe(runs.values[0].length + 1);
  });
});
