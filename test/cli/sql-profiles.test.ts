// `tierwise sql` with profiles: the answers table and its header from the command line, the same query as
// compileSql with the same options, and the problems when the answers table or a question is missing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli-run';
import { parseConfig } from '../../src/engine/config';
import { compileSql } from '../../src/sql/compile';
import { SUPERSTORE_CSV, superstoreTable } from '../support/tables';
import { SUPERSTORE_ANSWERS_HEADER, superstoreProfilesConfig } from '../sql/profiles-cases';

const cli = (...argv: string[]) => runCli(['sql', ...argv]);

const dir = mkdtempSync(join(tmpdir(), 'tierwise-sql-profiles-'));
const configFile = join(dir, 'profiles.json');
const input = { version: 1, ...superstoreProfilesConfig() };
writeFileSync(configFile, JSON.stringify(input));
const answersCsv = join(dir, 'answers.csv');
writeFileSync(answersCsv, `${SUPERSTORE_ANSWERS_HEADER.map((h) => `"${h.replace(/"/g, '""')}"`).join(',')}\n1,C1,Corporate,West,Web,no\n`);
const salesHeader = superstoreTable().header.map(String);

test('--answers-table with --answers-headers-from and --answers-order: the query compileSql writes', async () => {
  const r = await cli('--config', configFile, '--dialect', 'snowflake', '--headers-from', SUPERSTORE_CSV, '--line-order', 'Row ID', '--answers-table', 'SHOP.ANSWERS', '--answers-headers-from', answersCsv, '--answers-order', 'Answer No');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const parsed = parseConfig(input);
  if (!parsed.ok) throw new Error('config');
  const direct = compileSql(parsed.config, {
    dialect: 'snowflake',
    columns: { header: salesHeader, lineOrder: 'Row ID' },
    answersTable: 'SHOP.ANSWERS',
    answersColumns: { header: SUPERSTORE_ANSWERS_HEADER, lineOrder: 'Answer No' },
  });
  expect(direct.ok && direct.sql).toBe(r.out);
  expect(r.out).toContain('FROM "SHOP"."ANSWERS"');
});

test('--answers-columns gives the same header as --answers-headers-from', async () => {
  const list = SUPERSTORE_ANSWERS_HEADER.map((h) => `"${h.replace(/"/g, '""')}"`).join(',');
  const a = await cli('--config', configFile, '--dialect', 'postgres', '--headers-from', SUPERSTORE_CSV, '--answers-table', 'answers', '--answers-columns', list);
  const b = await cli('--config', configFile, '--dialect', 'postgres', '--headers-from', SUPERSTORE_CSV, '--answers-table', 'answers', '--answers-headers-from', answersCsv);
  expect(a.code).toBe(0);
  expect(a.out).toBe(b.out);
});

test('profiles without --answers-table read the sales table, which lacks these questions: exit 2, naming the flag, and no SQL', async () => {
  const r = await cli('--config', configFile, '--dialect', 'duckdb', '--headers-from', SUPERSTORE_CSV);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toContain('segmentTypes[1].profiles[5].include.Channel: the sales table has no column headed "Channel"; its columns: Row ID, ');
  expect(r.err).toContain('name the answers table with --answers-table)');
});

test('a question the answers table lacks: its path, and where the columns were taken from', async () => {
  const r = await cli('--config', configFile, '--dialect', 'duckdb', '--headers-from', SUPERSTORE_CSV, '--answers-table', 'answers', '--answers-columns', 'Customer ID,Segment,Region');
  expect(r.code).toBe(2);
  expect(r.err).toContain('segmentTypes[1].profiles[3].include.Q ');
  expect(r.err).toContain('segmentTypes[1].profiles[5].include.Channel: the answers table has no column headed "Channel"; its columns: Customer ID, Segment, Region');
  const both = await cli('--config', configFile, '--dialect', 'duckdb', '--answers-table', 'a', '--answers-columns', 'X', '--answers-headers-from', answersCsv);
  expect(both.code).toBe(2);
  expect(both.err).toContain('--answers-columns or --answers-headers-from, not both');
});

test('without an answers header: the configuration\'s customer column and the questions (enough here)', async () => {
  const r = await cli('--config', configFile, '--dialect', 'duckdb', '--headers-from', SUPERSTORE_CSV, '--answers-table', 'answers', '--answers-order', 'Answer No');
  // The order column is not among the configured ones: named as a problem, with where the columns came from.
  expect(r.code).toBe(2);
  expect(r.err).toContain('answersOrder: the answers table has no column headed "Answer No"');
  expect(r.err).toContain("(the answers table's columns were taken from the configuration: Customer ID, Segment, Region,");
  const plain = await cli('--config', configFile, '--dialect', 'duckdb', '--headers-from', SUPERSTORE_CSV, '--answers-table', 'answers');
  expect(plain.code).toBe(0);
});
