// `tierwise sql` with visit planning: the visits table and its header from the command line, the same
// query as compileSql with the same options, the default header, and what is said when nothing reads it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli-run';
import { parseConfig } from '../../src/engine/config';
import { compileSql } from '../../src/sql/compile';
import { SUPERSTORE_CSV, superstoreTable } from '../support/tables';
import { SUPERSTORE_COLUMNS } from '../sql/cases';

const cli = (...argv: string[]) => runCli(['sql', ...argv]);

const dir = mkdtempSync(join(tmpdir(), 'tierwise-sql-visits-'));
const input = {
  version: 1,
  columns: SUPERSTORE_COLUMNS,
  segmentTypes: [{ name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80, visitEveryDays: 30 }, { name: 'B', share: 15, visitEveryDays: 90 }, { name: 'C', share: 5 }] }],
};
const configFile = join(dir, 'visits.json');
writeFileSync(configFile, JSON.stringify(input));
const noFrequency = join(dir, 'plain.json');
writeFileSync(noFrequency, JSON.stringify({ ...input, segmentTypes: [{ ...input.segmentTypes[0], segments: input.segmentTypes[0].segments.map(({ name, share }) => ({ name, share })) }] }));
const visitsCsv = join(dir, 'visits.csv');
writeFileSync(visitsCsv, 'Visited on,Client\n2017-12-01,CG-12520\n');
const salesHeader = superstoreTable().header.map(String);

test('--visits-table with --visits-headers-from: the query compileSql writes, reading the columns found by their headers', async () => {
  const r = await cli('--config', configFile, '--dialect', 'bigquery', '--headers-from', SUPERSTORE_CSV, '--visits-table', 'crm.visits', '--visits-headers-from', visitsCsv);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const parsed = parseConfig(input);
  if (!parsed.ok) throw new Error('config');
  const direct = compileSql(parsed.config, { dialect: 'bigquery', columns: { header: salesHeader }, visitsTable: 'crm.visits', visitsColumns: ['Visited on', 'Client'] });
  expect(direct.ok && direct.sql).toBe(r.out);
  // The customer column is `Client` (detected), the date `Visited on` (headed like a visit), whatever their places.
  expect(r.out).toContain('CAST(`Client` AS STRING)');
  expect(r.out).toContain('CAST(`Visited on` AS DATE) AS d FROM `crm`.`visits`');
  expect(r.out).toContain('AS `Sales ABC (overdue days)`');
});

test('--visits-columns gives the same header as --visits-headers-from; without either, the customer column and `Visit date`', async () => {
  const a = await cli('--config', configFile, '--dialect', 'postgres', '--headers-from', SUPERSTORE_CSV, '--visits-table', 'visits', '--visits-columns', 'Visited on,Client');
  const b = await cli('--config', configFile, '--dialect', 'postgres', '--headers-from', SUPERSTORE_CSV, '--visits-table', 'visits', '--visits-headers-from', visitsCsv);
  expect(a.code).toBe(0);
  expect(a.out).toBe(b.out);
  const plain = await cli('--config', configFile, '--dialect', 'postgres', '--headers-from', SUPERSTORE_CSV, '--visits-table', 'visits');
  expect(plain.out).toContain('BTRIM(CAST("Customer ID" AS TEXT)');
  expect(plain.out).toContain('CAST("Visit date" AS DATE) AS d FROM "visits"');
});

test('a visits table for a configuration without visit frequencies: said, and not read', async () => {
  const r = await cli('--config', noFrequency, '--dialect', 'duckdb', '--headers-from', SUPERSTORE_CSV, '--visits-table', 'visits');
  expect(r.code).toBe(0);
  expect(r.err).toBe('note: no segment has a visit frequency (visitEveryDays): the visits table visits is not read\n');
  expect(r.out).not.toContain('visit');
});

test('the visits table\'s columns without the table, or given twice: a usage error', async () => {
  const without = await cli('--config', configFile, '--dialect', 'duckdb', '--visits-columns', 'Client,Visit date');
  expect(without.code).toBe(2);
  expect(without.err).toContain('--visits-columns describes the visits table: name it with --visits-table');
  const twice = await cli('--config', configFile, '--dialect', 'duckdb', '--visits-table', 'v', '--visits-columns', 'Client,Visit date', '--visits-headers-from', visitsCsv);
  expect(twice.code).toBe(2);
  expect(twice.err).toContain('not both');
});
