// The compiled PostgreSQL query run by a real PostgreSQL server (a throwaway one, unix socket only) on
// the Superstore sample with typed columns, against the engine: same columns, same customers, same
// segments, numbers within 1e-9. Then names holding quotes, backslashes and `--` go through as data.
import fc from 'fast-check';
import type { Client } from 'pg';
import { parseConfig, type Config, type ConfigInput } from '../../src/engine/config';
import type { Cell } from '../../src/engine/types';
import { compileSql } from '../../src/sql/compile';
import { startPostgres, type PostgresServer } from '../support/postgres';
import { differences, engineAnswer, type Row } from '../support/sql-compare';
import { loadPostgres, superstoreTyped, typedTable } from '../support/sql-tables';
import { config, superstoreTable, table } from '../support/tables';
import { HAND_CONFIG, HAND_EXPECTED, HAND_HEADER, HAND_ROWS, SQL_CASES } from './cases';

jest.setTimeout(60_000);

let server: PostgresServer | undefined;
let client: Client;

beforeAll(async () => {
  server = startPostgres();
  client = await server.connect();
  await loadPostgres(client, 'sales', superstoreTyped());
  await loadPostgres(client, 'hand lines', typedTable(HAND_HEADER, ['integer', 'text', 'text', 'date', 'double', 'text'], HAND_ROWS));
}, 120_000);

afterAll(async () => {
  try {
    await client?.end();
  } finally {
    server?.stop();
  }
});

const superstore = superstoreTable();
const superstoreHeader = superstore.header.map(String);

async function run(sql: string): Promise<{ headers: string[]; rows: Row[] }> {
  const r = await client.query(sql);
  return { headers: r.fields.map((f) => f.name), rows: r.rows as Row[] };
}

function compiled(c: Config, header: string[], tableName: string, lineOrder?: string): string {
  const r = compileSql(c, { dialect: 'postgres', table: tableName, columns: { header, lineOrder } });
  if (!r.ok) throw new Error(`not compiled: ${JSON.stringify(r.problems)}`);
  return r.sql;
}

describe('the PostgreSQL query gives the engine its answer on Superstore', () => {
  test.each(Object.keys(SQL_CASES))('%s', async (name) => {
    const c = config(SQL_CASES[name]);
    const engine = engineAnswer(superstore, c);
    const answer = await run(compiled(c, superstoreHeader, 'sales', 'Row ID'));
    expect(differences(engine, answer.headers, answer.rows)).toEqual([]);
    // With the line order known, the rows come in the engine's order too.
    expect(answer.rows.map((r) => r.Customer)).toEqual(engine.rows.map((r) => r.Customer));
  });

  test('without a line order, the same answer ordered by customer', async () => {
    const c = config(SQL_CASES['abc-lower-rolling']);
    const engine = engineAnswer(superstore, c);
    const answer = await run(compiled(c, superstoreHeader, 'public.sales'));
    expect(differences(engine, answer.headers, answer.rows)).toEqual([]);
    const lines = answer.rows.filter((r) => !String(r.Customer).startsWith('ZZ '));
    expect(lines.map((r) => r.Customer)).toEqual(lines.map((r) => String(r.Customer)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  test('the cases are not trivial: each moves customers the way its comment says', () => {
    const rolling = engineAnswer(superstore, config(SQL_CASES['abc-lower-rolling']));
    const typeName = rolling.headers[4];
    const segments = new Set(rolling.rows.map((r) => r[typeName]));
    expect([...segments].sort()).toEqual(expect.arrayContaining(['A', 'B', 'C', 'Dormant']));
    expect(rolling.rows.find((r) => r.Customer === 'CG-12520')?.[typeName]).toMatch(/^VIP /);
    expect(rolling.rows.some((r) => String(r.Customer).startsWith('ZZ '))).toBe(true);
  });
});

describe('ties, returns, left-out rows and the window end, worked by hand', () => {
  const hand = table(HAND_HEADER, HAND_ROWS);
  test.each(['upper', 'lower'] as const)('boundary %s', async (boundary) => {
    const c = config(HAND_CONFIG(boundary));
    const engine = engineAnswer(hand, c);
    expect(Object.fromEntries(engine.rows.map((r) => [r.Customer, r['Sales ABC']]))).toEqual(HAND_EXPECTED[boundary]);
    const answer = await run(compiled(c, HAND_HEADER, 'hand lines', 'Line'));
    expect(differences(engine, answer.headers, answer.rows)).toEqual([]);
    expect(answer.rows.find((r) => r.Customer === 'K6')?.['Customer name']).toBe('Kat B');
  });
});

describe('names holding quotes, backslashes and -- stay data', () => {
  // Everything that could end a literal or an identifier, or start a comment, in some dialect.
  const nasty = fc.string({ unit: fc.constantFrom("'", '"', '\\', '-', '-', ';', '`', '$', 'a', ' ', '\n', '/', '*', 'é', '?') });
  const text = (min: number, max: number) => nasty.filter((s) => s.trim().length >= min && s.length <= max);

  test('a customer, a filter value, a segment and a type name round-trip through PostgreSQL as data', async () => {
    await fc.assert(
      fc.asyncProperty(text(1, 30), text(1, 30), text(0, 30), text(1, 20), async (customer, segmentName, region, typeName) => {
        const input: Partial<ConfigInput> = {
          columns: { customer: 'Customer', customerName: 'Name', date: 'Date', amount: 'Amount' },
          filters: [{ column: 'Region', in: [region, 'West'] }],
          segmentTypes: [{ name: typeName, kind: 'abc', segments: [{ name: segmentName, share: 100 }, { name: 'Manual', exclude: true }] }],
          overrides: { [typeName.trim()]: { [customer]: 'Manual', [`${customer}-gone`]: segmentName } },
        };
        const parsed = parseConfig({ version: 1, ...input });
        fc.pre(parsed.ok && segmentName.trim().toLowerCase() !== 'manual');
        if (!parsed.ok) return;
        const rows: Cell[][] = [
          [1, customer, `${customer} Ltd`, '2017-01-01', 10, region],
          [2, 'P2', segmentName, '2017-01-02', 5, 'West'],
          [3, 'P3', 'Dropped', '2017-01-03', 7, `${region}x`],
        ];
        const header = ['Line', 'Customer', 'Name', 'Date', 'Amount', 'Region'];
        await loadPostgres(client, 'prop', typedTable(header, ['integer', 'text', 'text', 'date', 'double', 'text'], rows));
        const engine = engineAnswer(table(header, rows), parsed.config);
        const answer = await run(compiled(parsed.config, header, 'prop', 'Line'));
        expect(differences(engine, answer.headers, answer.rows)).toEqual([]);
        expect(answer.rows.find((r) => r.Customer === customer.trim())?.[typeName.trim()]).toBe('Manual');
      }),
      { numRuns: 40 },
    );
  });
});
