// The kinds that read a second table, compiled to SQL and run by a real (throwaway) PostgreSQL server,
// against the engine given the same tables as ranges beside the sales range:
// - profiles: the hand-made tables (worked by hand in profiles-cases.ts) and Superstore with its generated
//   answers in a text-typed answers table, with its order column and without. Profile names, a question
//   and answers hold quotes, backslashes and `--` (NASTY): they stay data.
// - visit planning: the hand-made visits (worked by hand in test/support/visits.ts) and Superstore with
//   every kind planning visits over a date-typed visits table (visits-cases.ts).
import type { Client } from 'pg';
import type { Config } from '../../src/engine/config';
import { compileSql } from '../../src/sql/compile';
import { startPostgres, type PostgresServer } from '../support/postgres';
import { differences, engineAnswer, type Row } from '../support/sql-compare';
import { loadPostgres, superstoreTyped, typedTable } from '../support/sql-tables';
import { config, superstoreTable, table } from '../support/tables';
import {
  HAND_ANSWERS_HEADER,
  HAND_ANSWERS_ROWS,
  HAND_PROFILES_CONFIG,
  HAND_PROFILES_EXPECTED,
  HAND_PROFILES_ORDER,
  HAND_PROFILES_UNORDERED_P2,
  HAND_SALES_HEADER,
  HAND_SALES_ROWS,
  SUPERSTORE_ANSWERS_HEADER,
  superstoreAnswers,
  superstoreProfilesConfig,
  superstoreSalesProfilesConfig,
  compiledProfiles,
  type TableAt,
} from './profiles-cases';
import { VISIT_SALES, VISIT_SALES_HEADER, VISIT_TIER, VISITS, VISITS_EXPECTED, VISITS_HEADER } from '../support/visits';
import { compiledVisits, superstoreVisits, superstoreVisitsConfig, SUPERSTORE_VISITS_HEADER } from './visits-cases';

jest.setTimeout(60_000);

let server: PostgresServer | undefined;
let client: Client;
const superstore = superstoreTable();
const superstoreIds = [...new Set(superstore.rows.map((r) => String(r[superstore.header.indexOf('Customer ID')])))];
const answersRows = superstoreAnswers(superstoreIds);
const visitRows = superstoreVisits(superstoreIds);

beforeAll(async () => {
  server = startPostgres();
  client = await server.connect();
  await loadPostgres(client, 'sales', superstoreTyped());
  await loadPostgres(client, 'answers', typedTable(SUPERSTORE_ANSWERS_HEADER, ['integer', 'text', 'text', 'text', 'text', 'text'], answersRows));
  await loadPostgres(client, 'hand sales', typedTable(HAND_SALES_HEADER, ['integer', 'text', 'text', 'date', 'double'], HAND_SALES_ROWS));
  // The blank answers become NULL here (typedTable): the query reads NULL and '' alike.
  await loadPostgres(client, 'hand answers', typedTable(HAND_ANSWERS_HEADER, ['integer', 'text', 'text', 'text', 'text'], HAND_ANSWERS_ROWS));
  await loadPostgres(client, 'visits', typedTable(SUPERSTORE_VISITS_HEADER, ['text', 'text', 'date'], visitRows));
  await loadPostgres(client, 'hand visit sales', typedTable(VISIT_SALES_HEADER, ['text', 'date', 'double'], VISIT_SALES));
  // The hand table's unreadable date ('soon') is a NULL in a typed table: no visit either way.
  await loadPostgres(client, 'hand visits', typedTable(VISITS_HEADER, ['text', 'date'], VISITS.map(([k, d]) => [k, d === 'soon' ? null : d])));
}, 120_000);

afterAll(async () => {
  try {
    await client?.end();
  } finally {
    server?.stop();
  }
});

async function run(sql: string): Promise<{ headers: string[]; rows: Row[] }> {
  const r = await client.query(sql);
  return { headers: r.fields.map((f) => f.name), rows: r.rows as Row[] };
}

const compiled = (c: Config, sales: TableAt, answers: TableAt): string => compiledProfiles('postgres', c, sales, answers);

describe('hand-made answers, worked by hand', () => {
  const c = config(HAND_PROFILES_CONFIG);
  const sales = { table: 'hand sales', header: HAND_SALES_HEADER, order: 'Line' };
  const profiles = (rows: Row[]) => Object.fromEntries(rows.map((r) => [String(r.Customer), [r.Profile, r['Profile (profiles)']]]));

  test('with the order column: the engine, in its order', async () => {
    const engine = engineAnswer(table(HAND_SALES_HEADER, HAND_SALES_ROWS), c, { answers: table(HAND_ANSWERS_HEADER, HAND_ANSWERS_ROWS, 'Answers') });
    const { headers, rows } = await run(compiled(c, sales, { table: 'hand answers', header: HAND_ANSWERS_HEADER, order: 'Row' }));
    expect(differences(engine, headers, rows)).toEqual([]);
    expect(profiles(rows)).toEqual(HAND_PROFILES_EXPECTED);
    expect(rows.map((r) => r.Customer)).toEqual(HAND_PROFILES_ORDER);
  });

  test('without it: the greatest answer', async () => {
    const { rows } = await run(compiled(c, sales, { table: 'public.hand answers', header: HAND_ANSWERS_HEADER }));
    expect(profiles(rows)).toEqual({ ...HAND_PROFILES_EXPECTED, P2: HAND_PROFILES_UNORDERED_P2 });
  });
});

describe('Superstore with generated answers', () => {
  const c = config(superstoreProfilesConfig());
  const engine = engineAnswer(superstore, c, { answers: table(SUPERSTORE_ANSWERS_HEADER, answersRows, 'Answers') });
  const salesInfo = { table: 'sales', header: superstore.header.map(String), order: 'Row ID' };

  test('with the order column: the engine\'s answer, in its order', async () => {
    const { headers, rows } = await run(compiled(c, salesInfo, { table: 'answers', header: SUPERSTORE_ANSWERS_HEADER, order: 'Answer No' }));
    expect(differences(engine, headers, rows)).toEqual([]);
    expect(rows.map((r) => r.Customer)).toEqual(engine.rows.map((r) => r.Customer));
  });

  test('without it: the same answer but for the customers who answered a question twice differently', async () => {
    const { headers, rows } = await run(compiled(c, { ...salesInfo, order: undefined }, { table: 'answers', header: SUPERSTORE_ANSWERS_HEADER }));
    const seen = new Map<string, Set<string>[]>();
    for (const r of answersRows) {
      const id = String(r[1]).trim();
      const sets = seen.get(id) ?? SUPERSTORE_ANSWERS_HEADER.slice(2).map(() => new Set<string>());
      r.slice(2).forEach((v, i) => String(v).trim() !== '' && sets[i].add(String(v).trim().toLowerCase()));
      seen.set(id, sets);
    }
    const ambiguous = new Set([...seen].filter(([, sets]) => sets.some((s) => s.size > 1)).map(([id]) => id));
    const keep = (rs: Row[]) => rs.filter((r) => !ambiguous.has(String(r.Customer)));
    expect(differences({ headers: engine.headers, rows: keep(engine.rows) }, headers, keep(rows))).toEqual([]);
    expect(rows.length).toBe(engine.rows.length);
  });
});

describe('visit planning', () => {
  test('the hand-made visits: the hand-worked days, the engine\'s answer', async () => {
    const c = config({ columns: { customer: 'Customer', date: 'Date', amount: 'Sales' }, segmentTypes: [VISIT_TIER] });
    const engine = engineAnswer(table(VISIT_SALES_HEADER, VISIT_SALES), c, { visits: table(VISITS_HEADER, VISITS, 'Visits') });
    const { headers, rows } = await run(compiledVisits('postgres', c, { table: 'hand visit sales', header: VISIT_SALES_HEADER }, undefined, { table: 'hand visits', header: VISITS_HEADER }));
    expect(differences(engine, headers, rows)).toEqual([]);
    const worked = Object.fromEntries(rows.map((r) => [String(r.Customer), [r.Tier, r['Tier (last visit)'], r['Tier (next visit due)'], Number(r['Tier (overdue days)'])]]));
    expect(worked).toEqual(VISITS_EXPECTED);
  });

  test('Superstore, every kind planning visits: the engine\'s answer, in its order', async () => {
    const c = config(superstoreVisitsConfig());
    const engine = engineAnswer(superstore, c, { answers: table(SUPERSTORE_ANSWERS_HEADER, answersRows, 'Answers'), visits: table(SUPERSTORE_VISITS_HEADER, visitRows, 'Visits') });
    const sales = { table: 'sales', header: superstore.header.map(String), order: 'Row ID' };
    const { headers, rows } = await run(compiledVisits('postgres', c, sales, { table: 'answers', header: SUPERSTORE_ANSWERS_HEADER, order: 'Answer No' }, { table: 'public.visits', header: SUPERSTORE_VISITS_HEADER }));
    expect(differences(engine, headers, rows)).toEqual([]);
    expect(rows.map((r) => r.Customer)).toEqual(engine.rows.map((r) => r.Customer));
  });
});

test('profiles without an answers table: the sales lines answer, the engine\'s answer in its order', async () => {
  const c = config(superstoreSalesProfilesConfig());
  const engine = engineAnswer(superstore, c);
  const r = compileSql(c, { dialect: 'postgres', table: 'sales', columns: { header: superstore.header.map(String), lineOrder: 'Row ID' } });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const { headers, rows } = await run(r.sql);
  expect(differences(engine, headers, rows)).toEqual([]);
  expect(rows.map((x) => x.Customer)).toEqual(engine.rows.map((x) => x.Customer));
});
