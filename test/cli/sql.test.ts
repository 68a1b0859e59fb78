// `tierwise sql`: the query on stdout, problems on stderr with exit status 2, like the other commands.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli-run';
import { parseConfigText } from '../../src/engine/config';
import { compileSql } from '../../src/sql/compile';
import { SUPERSTORE_CSV } from '../support/tables';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'superstore.config.json');
const ALL_KINDS = join(__dirname, '..', '..', 'examples', 'all-kinds.config.json');

const cli = (...argv: string[]) => runCli(['sql', ...argv]);

const example = () => {
  const r = parseConfigText(readFileSync(EXAMPLE, 'utf8'));
  if (!r.ok) throw new Error('the example configuration is invalid');
  return r.config;
};

const superstoreHeader = () => readFileSync(SUPERSTORE_CSV, 'utf8').split('\n', 1)[0].split(',').map((h) => h.replace(/^"|"$/g, ''));

test('the header row of --headers-from: the same query as compileSql with the file header', async () => {
  const r = await cli('--config', EXAMPLE, '--dialect', 'postgres', '--headers-from', SUPERSTORE_CSV, '--table', 'shop.sales');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const expected = compileSql(example(), { dialect: 'postgres', table: 'shop.sales', columns: { header: superstoreHeader() } });
  expect(expected.ok && expected.sql).toBe(r.out);
  expect(r.out).toContain('FROM "shop"."sales"');
});

test('--headers-from finds the header row as `segment` does: a report title above it is skipped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-sql-title-'));
  const titled = join(dir, 'report.csv');
  writeFileSync(titled, `Sales report FY2017\n\n${readFileSync(SUPERSTORE_CSV, 'utf8').split('\n', 3).join('\n')}\n`);
  const r = await cli('--config', EXAMPLE, '--dialect', 'postgres', '--headers-from', titled, '--table', 'shop.sales');
  expect([r.code, r.err]).toEqual([0, '']);
  const expected = compileSql(example(), { dialect: 'postgres', table: 'shop.sales', columns: { header: superstoreHeader() } });
  expect(expected.ok && expected.sql).toBe(r.out);
});

test('--columns and the configuration alone name the same columns for the configured roles', async () => {
  const named = await cli('--config', EXAMPLE, '--dialect', 'spark', '--columns', 'Customer ID,Customer Name,Order Date,Sales,Profit,Quantity,Order ID,Product ID,Category');
  const configured = await cli('--config', EXAMPLE, '--dialect', 'spark');
  expect(named.code).toBe(0);
  expect(configured.code).toBe(0);
  expect(configured.out).toBe(named.out);
  expect(named.out).toContain('`Customer ID`');
});

test('a header without the customer column: exit 2 and the path of the problem', async () => {
  const r = await cli('--config', EXAMPLE, '--dialect', 'duckdb', '--columns', 'Client Code,Sales');
  // "Client Code" is found by the header detection; the configuration names "Customer ID", which is not there.
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toContain('columns.customer: no column is headed "Customer ID"');
});

test('every kind of the all-kinds example compiles, its profiles reading the sales table\'s own columns', async () => {
  const r = await cli('--config', ALL_KINDS, '--dialect', 'bigquery', '--headers-from', SUPERSTORE_CSV);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toContain('AS `Profile (profiles)`');
});

test('usage mistakes and an invalid configuration exit with 2', async () => {
  expect((await cli('--config', EXAMPLE, '--dialect', 'oracle')).err).toContain('--dialect is one of duckdb, postgres, spark, bigquery, snowflake, not "oracle"');
  expect((await cli('--dialect', 'duckdb')).code).toBe(2);
  const answers = await cli('--config', EXAMPLE, '--dialect', 'duckdb', '--answers-order', 'Row');
  expect(answers.code).toBe(2);
  expect(answers.err).toContain('--answers-order describes the answers table: name it with --answers-table');
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-sql-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ version: 1, segmentTypes: [{ name: 'X', kind: 'abc', segments: [{ name: 'A', share: 90 }] }] }));
  const r = await cli('--config', bad, '--dialect', 'duckdb');
  expect(r.code).toBe(2);
  expect(r.err).toContain('add up to 90, not 100');
});

test('--out writes the query to a file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-sql-'));
  const out = join(dir, 'tiers.sql');
  const r = await cli('--config', EXAMPLE, '--dialect', 'snowflake', '--out', out);
  expect(r.code).toBe(0);
  expect(readFileSync(out, 'utf8')).toMatch(/^WITH\n/);
});
