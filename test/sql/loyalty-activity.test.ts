// Loyalty and activity compiled to SQL, on a hand-made table whose points, levels, states of mind and
// categories were worked out by hand (below): the engine must give these numbers, and DuckDB running the
// compiled query must give the engine's answer.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ConfigInput } from '../../src/engine/config';
import type { Cell } from '../../src/engine/types';
import { compileSql } from '../../src/sql/compile';
import { differences, engineAnswer, type Row } from '../support/sql-compare';
import { loadDuckdb } from '../support/sql-tables';
import { config, table } from '../support/tables';

const HEADER = ['Line', 'Customer', 'Date', 'Amount', 'Qty', 'Order', 'Category', 'Spent'];
const ROWS: Cell[][] = [
  [1, 'L1', '2017-01-10', 105, 1, 'O1', 'Food', 0],
  [2, 'L1', '2017-01-10', 20, 1, 'O1', 'Food', 0],
  [3, 'L1', '2017-02-01', 50, 2, 'O2', 'Gift', 4],
  [4, 'L2', '2017-03-01', 25, 1, 'O3', 'Food', 0],
  [5, 'L2', '2017-03-05', -25, -1, 'O3', 'Food', 0],
  [6, 'L3', '2017-03-01', 14.99, 1, 'O4', 'Food', 0],
  [7, 'L3', '2017-04-01', -14.99, -1, 'O5', 'Food', 0],
  [8, 'L4', '2017-05-01', 45, 1, 'O6', 'Food', 0],
  [9, 'L5', '2017-04-15', -10, -1, 'O8', 'Food', 0],
];

const INPUT: Partial<ConfigInput> = {
  columns: { customer: 'Customer', date: 'Date', amount: 'Amount', quantity: 'Qty', order: 'Order', category: 'Category', spent: 'Spent' },
  segmentTypes: [
    {
      name: 'Club',
      kind: 'loyalty',
      perCurrency: 0.1,
      perOrder: 2,
      rules: [{ match: { column: 'category', in: ['Gift'] }, perUnit: 3, cumulative: false }],
      levels: [
        { name: 'Member', minPoints: 0 },
        { name: 'Silver', minPoints: 10 },
        { name: 'Gold', minPoints: 30, discount: 10 },
      ],
      rewards: [{ name: 'Mug', cost: 5 }],
    },
    { name: 'Active', kind: 'activity', category: 'Active', periods: 3, periodDays: 30, initial: 0.5, decrease: 0.5, criteria: [{ measure: 'som', operator: '>=', value: 0.5 }] },
    {
      name: 'Lapsing',
      kind: 'activity',
      category: 'Lapsing',
      periods: 3,
      periodDays: 30,
      decrease: 0.5,
      criteria: [
        { measure: 'som', operator: '>=', value: 0.1 },
        { measure: 'lastPurchaseDays', operator: '>', value: 80, mandatory: false },
        { measure: 'points', operator: '>=', value: 20, mandatory: false },
      ],
    },
    { name: 'Never', kind: 'activity', category: 'Never', periods: 3, periodDays: 30, decrease: 0.5, criteria: [{ measure: 'lastPurchaseDays', operator: '>', value: 365 }] },
  ],
};

/**
 * Worked by hand. Points: 0.1 per unit of currency per order, rounded half away from zero, plus 2 per
 * order with the sign of its net amount; Gift lines earn 3 per unit instead (a non-cumulative rule).
 * L1: line 3 (Gift, 2 units) 6; O1 125 -> 12.5 -> 13, + 2; O2 holds only the Gift line: no program
 *   points, no perOrder. 21 earned, 4 spent, balance 17: Silver, 9 missing for Gold, Mug x3.
 * L2: O3 nets 0 (returned in full in the same order): 0 points, no perOrder. Member, 10 missing.
 * L3: O4 14.99 -> 1.499 -> 1, + 2; O5 -14.99 -> -1, - 2 (a return in its own order takes it back): 0.
 * L4: O6 45 -> 4.5 -> 5 (half away from zero), + 2: 7. Member, 3 missing, Mug x1.
 * L5: O8 -10 -> -1, - 2: -3, below Member: no level, Member next, 3 missing.
 * State of mind: the reference day is the latest date, 2017-05-01; periods of 30 days back from it:
 * days 60-89 (2017-02-01 to 03-02), 30-59, 0-29. Start 0.5, decrease 0.5:
 * L1 buys on day 89 (02-01; 01-10 is day 111, before the periods): 0.75, 0.375, 0.1875; last 89 days.
 * L2 and L3 buy on day 61 (03-01; their returns are not purchases): 0.1875; last 61 days.
 * L4 buys on day 0: 0.25, 0.125, then 1 - 0.875 x 0.5 = 0.5625; last 0 days.
 * L5 only returns: 0.0625, never bought (no days).
 * Active (som >= 0.5): L4. Lapsing (som >= 0.1, and last > 80 or points >= 20): L1 only (L4 has 0 days
 * and 7 points). Never (last > 365): L5, whose days are infinite.
 */
const EXPECTED = {
  Club: ['Silver', 'Member', 'Member', 'Member', ''],
  'Club (earned)': [21, 0, 0, 7, -3],
  'Club (balance)': [17, 0, 0, 7, -3],
  'Club (next level)': ['Gold', 'Silver', 'Silver', 'Silver', 'Member'],
  'Club (points missing)': [9, 10, 10, 3, 3],
  'Club (available rewards)': ['Mug x3', '', '', 'Mug x1', ''],
  'Active (state of mind)': [0.1875, 0.1875, 0.1875, 0.5625, 0.0625],
  'Active (days since last purchase)': [89, 61, 61, 0, null],
  Active: ['', '', '', 'Active', ''],
  Lapsing: ['Lapsing', '', '', '', ''],
  Never: ['', '', '', '', 'Never'],
};

let con: DuckDBConnection;

beforeAll(async () => {
  con = await (await DuckDBInstance.create(':memory:')).connect();
  await loadDuckdb(con, 'lines', HEADER, ['integer', 'text', 'date', 'double', 'double', 'text', 'text', 'double'], ROWS);
});

test('the engine gives the numbers worked out by hand', () => {
  const answer = engineAnswer(table(HEADER, ROWS), config(INPUT));
  expect(answer.rows.map((r) => r.Customer)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']);
  for (const [header, values] of Object.entries(EXPECTED)) expect([header, answer.rows.map((r) => r[header])]).toEqual([header, values]);
});

test('DuckDB running the compiled query gives the engine its answer', async () => {
  const c = config(INPUT);
  const compiled = compileSql(c, { dialect: 'duckdb', table: 'lines', columns: { header: HEADER, lineOrder: 'Line' } });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const r = await con.runAndReadAll(compiled.sql);
  const rows = r.getRowObjectsJS() as Row[];
  expect(differences(engineAnswer(table(HEADER, ROWS), c), r.columnNames(), rows)).toEqual([]);
  expect(rows.map((row) => row.Customer)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']);
});

test('a rule on a column the table lacks is a problem, not SQL', () => {
  const noColumn = config({ ...INPUT, segmentTypes: [{ ...(INPUT.segmentTypes![0] as object), rules: [{ match: { column: 'Brand', in: ['X'] }, perUnit: 1 }] } as never] });
  expect(compileSql(noColumn, { dialect: 'postgres', columns: { header: HEADER } })).toEqual({
    ok: false,
    problems: [{ path: 'segmentTypes[0]', message: '"Club": rules[0]: no column is headed "Brand"' }],
  });
});
