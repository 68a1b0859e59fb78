// Bad input never crashes: any cells a host could hand over (text of any kind, numbers including NaN,
// infinities and -0, booleans, empty cells, error values, ragged rows), under a configuration with every
// segment kind, run through the engine and the planner without an exception, and every row is accounted
// for: a line, left out with an issue at its address, filtered out, or empty.
import fc from 'fast-check';
import { parseConfig, type ConfigInput } from '../../src/engine/config';
import { takeSnapshot } from '../../src/engine/history';
import { classifyAll, prepare } from '../../src/engine/run';
import { isBlank } from '../../src/engine/parse/number';
import type { Cell, SourceTable } from '../../src/engine/types';
import { planWorkbook } from '../../src/plan/planner';

const HEADER = ['Customer ID', 'Customer Name', 'Order Date', 'Sales', 'Profit', 'Quantity', 'Order ID', 'Product ID', 'Category', 'Region'];

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('', '  ', '#N/A', '#REF!', '=SUM(A1:A9)', '1,234.50', '1.234,50', '(12)', '12-', '5-Mar-2017', '2017-03-05', '31/12/2017', '01.02.2024', 'NaN', 'C1', ' C1 ', 'West'),
  fc.double(),
  fc.integer({ min: -5, max: 3_000_000 }),
  fc.boolean(),
  fc.constantFrom<Cell>(null, undefined),
);

/** Customer cells from a small pool, so customers have several lines and ties and overrides meet them. */
const customer: fc.Arbitrary<Cell> = fc.constantFrom<Cell>('C1', ' C1', 'C2', 'C3', 1001, '1001', '', '#N/A', 'Ünïcødé', null);

const row = fc.tuple(customer, fc.array(cell, { maxLength: 11 })).map(([c, rest]) => [c, ...rest]);

const window = fc.constantFrom<ConfigInput['window']>({ kind: 'all' }, { kind: 'rolling', months: 12 }, { kind: 'year', year: 2017, startMonth: 4 });

function everyKind(w: ConfigInput['window'], decimal: 'auto' | '.' | ','): ConfigInput {
  return {
    version: 1,
    window: w,
    locale: { decimal, dateOrder: 'auto' },
    minimumNetSales: 1,
    overrides: { 'Sales ABC': { C1: 'VIP', ' C9 ': 'A', '#N/A': 'Z' } },
    segmentTypes: [
      { name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }, { name: 'VIP', exclude: true }, { name: 'New', exclude: true, default: true }] },
      { name: 'Profit band', kind: 'bands', measure: 'margin', bands: [{ name: 'Loss', max: 0 }, { name: 'Thin', min: 0, max: 10 }, { name: 'Fat', min: 10 }] },
      { name: 'Loyalty', kind: 'loyalty', perCurrency: 1, perUnit: 0.5, perOrder: 10, rules: [{ match: { column: 'Region', in: ['West'] }, perCurrency: 2, cumulative: false }], levels: [{ name: 'Bronze', minPoints: 0 }, { name: 'Gold', minPoints: 100 }], rewards: [{ name: 'Voucher', minPoints: 10, cost: 10 }] },
      { name: 'Activity', kind: 'activity', category: 'Active', periodDays: 90, periods: 4, exclusive: true, criteria: [{ measure: 'som', operator: '>=', value: 0.6, mandatory: true }, { measure: 'orders', operator: '>', value: 1, mandatory: false }] },
      { name: 'Profile', kind: 'profiles', profiles: [{ name: 'West', include: { Sector: ['IT'] } }] },
      { name: 'RFM', kind: 'rfm' },
    ],
  };
}

describe('any cells, every kind', () => {
  test('the engine and the planner never throw, and every row is a line, left out at its address, filtered or empty', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }),
        window,
        fc.constantFrom<'auto' | '.' | ','>('auto', '.', ','),
        fc.array(fc.tuple(customer, cell), { maxLength: 5 }),
        (rows, w, decimal, answers) => {
          const parsed = parseConfig(everyKind(w, decimal));
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
          const table: SourceTable = { sheet: 'Sales', header: HEADER, rows, origin: { row: 1, column: 0 } };
          const sources = { answers: { sheet: 'Answers', header: ['Customer ID', 'Sector'], rows: answers.map(([c, a]) => [c, a]), origin: { row: 1, column: 0 } } };
          const p = prepare(table, parsed.config, undefined, sources);
          const result = classifyAll(p);

          const empty = rows.filter((r) => HEADER.every((_, c) => isBlank(r[c]))).length;
          expect(result.lineCount + result.leftOutRows + result.filteredRows + empty).toBe(rows.length);
          // Row issues of the sales range (the answers range has its own, on its own sheet).
          const rowIssues = result.issues.filter((i) => i.row !== undefined && i.where.startsWith('Sales!'));
          expect(new Set(rowIssues.map((i) => i.row)).size).toBe(result.leftOutRows);
          for (const i of rowIssues) expect(i.where).toMatch(new RegExp(`^Sales![A-J]${i.row! + 2}$`));
          for (const t of result.types) {
            for (const s of t.final) expect(s >= -1 && s < t.segments.length).toBe(true);
          }
          const snapshot = takeSnapshot(result, p.ingested.lines, '2026-01-01T00:00:00Z');
          const plan = planWorkbook({ result, snapshot, source: table, segmentColumnTypes: ['Sales ABC', 'RFM'], configText: '{}' });
          expect(plan.sheets.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
