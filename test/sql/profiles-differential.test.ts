// Random small answers tables x random valid profiles configurations: the engine (answers as a range) and
// the compiled DuckDB query (answers as a table with its order column) give the same columns, customers,
// order and profiles. The answers hold case and space variants, blanks, quotes and `--`; the customers
// repeat (several answers, the last non-empty one wins), some never bought, some are named in overrides.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { parseConfig, type ConfigInput } from '../../src/engine/config';
import type { Cell } from '../../src/engine/types';
import { compileSql } from '../../src/sql/compile';
import { differences, engineAnswer, type Row } from '../support/sql-compare';
import { table } from '../support/tables';

const SALES_HEADER = ['Line', 'Customer', 'Date', 'Amount'];
const ANSWERS_HEADER = ['Row', 'Customer', 'Color', "Size 'q' --"];
const CUSTOMERS = ['C1', 'C2', 'C3', ' C1 ', 'N1', 'N2', "O'x"];
const ANSWERS = ['red', 'Red', ' blue ', 'BLUE', '', "it's -- \\", 'green'];
const QUESTIONS = ['Color', "size 'q' --"];

const sales = fc.array(fc.tuple(fc.constantFrom('C1', 'C2', 'C3', "O'x"), fc.integer({ min: -5, max: 50 })), { minLength: 1, maxLength: 6 });
const answers = fc.array(fc.tuple(fc.constantFrom(...CUSTOMERS, ''), fc.constantFrom(...ANSWERS), fc.constantFrom(...ANSWERS)), { maxLength: 10 });
const list = fc.uniqueArray(fc.constantFrom('red', 'blue', 'BLUE ', "it's -- \\", ''), { minLength: 1, maxLength: 2 });
const conditions = fc.dictionary(fc.constantFrom(...QUESTIONS), list, { maxKeys: 2 });
const profiles = fc.array(fc.record({ include: conditions, exclude: conditions, parent: fc.option(fc.nat(), { nil: undefined }), priority: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }), { minLength: 1, maxLength: 4 }).map((ps) =>
  // A parent is an earlier profile (never a circle); "P 'i' --" names stay data.
  ps.map((p, i) => ({
    name: `P${i} '${i}' --`,
    include: p.include,
    exclude: p.exclude,
    ...(p.parent !== undefined && i > 0 ? { parent: `p${p.parent % i} '${p.parent % i}' --` } : {}),
    ...(p.priority !== undefined ? { priority: p.priority } : {}),
  })),
);

let con: DuckDBConnection;
beforeAll(async () => {
  con = await (await DuckDBInstance.create(':memory:')).connect();
});

async function load(name: string, header: string[], types: string[], rows: Cell[][]): Promise<void> {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  await con.run(`CREATE OR REPLACE TABLE ${q(name)} (${header.map((h, i) => `${q(h)} ${types[i]}`).join(', ')})`);
  const insert = await con.prepare(`INSERT INTO ${q(name)} VALUES (${header.map((_, i) => `CAST($${i + 1} AS ${types[i]})`).join(', ')})`);
  for (const row of rows) {
    insert.bind(row as (string | number)[]);
    await insert.run();
  }
}

const RUNS = Number(process.env.TIERWISE_DIFF_RUNS ?? 60);

test('random answers and profiles: DuckDB gives the engine its answer', async () => {
  await fc.assert(
    fc.asyncProperty(sales, answers, profiles, fc.boolean(), async (lines, answered, ps, overrides) => {
      const input: ConfigInput = {
        version: 1,
        columns: { customer: 'Customer', date: 'Date', amount: 'Amount' },
        segmentTypes: [{ name: 'ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 20 }] }, { name: "Profiles 'x'", kind: 'profiles', profiles: ps }],
        overrides: overrides ? { ABC: { N2: 'A', Z: 'B' } } : {},
      };
      const parsed = parseConfig(input);
      if (!parsed.ok) throw new Error(`the generator made an invalid configuration: ${JSON.stringify(parsed.issues)}`);
      const salesRows: Cell[][] = lines.map(([c, amount], i) => [i + 1, c, '2017-01-01', amount]);
      const answerRows: Cell[][] = answered.map(([c, a, b], i) => [i + 1, c, a, b]);
      await load('sales', SALES_HEADER, ['BIGINT', 'VARCHAR', 'DATE', 'DOUBLE'], salesRows);
      await load('answers', ANSWERS_HEADER, ['BIGINT', 'VARCHAR', 'VARCHAR', 'VARCHAR'], answerRows);
      const engine = engineAnswer(table(SALES_HEADER, salesRows), parsed.config, { answers: table(ANSWERS_HEADER, answerRows, 'Answers') });
      const r = compileSql(parsed.config, { dialect: 'duckdb', columns: { header: SALES_HEADER, lineOrder: 'Line' }, answersTable: 'answers', answersColumns: { header: ANSWERS_HEADER, lineOrder: 'Row' } });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      const result = await con.runAndReadAll(r.sql);
      const rows = result.getRowObjectsJS() as Row[];
      const diffs = differences(engine, result.columnNames(), rows);
      const order = (rs: Row[]) => rs.map((x) => String(x.Customer)).join(' | ');
      if (order(rows) !== order(engine.rows)) diffs.push(`order: engine ${order(engine.rows)}; duckdb ${order(rows)}`);
      if (diffs.length > 0) throw new Error(diffs.join('\n'));
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
}, 120_000);
