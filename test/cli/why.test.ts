// Why each customer moved, on the command line: a workbook written by a first run carries its history;
// a second run with other thresholds says why in the JSON rows, and writes it into the workbook.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXED_LIMITS, runCli } from '../support/cli-run';
import { excel, values } from '../support/xlsx-files';

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'tierwise-why-'));
const abc = (a: number, b: number, c: number) => ({
  version: 1,
  columns: { customer: 'Customer ID', amount: 'Sales' },
  segmentTypes: [{ name: 'Sales ABC', kind: 'abc', measure: 'sales', segments: [{ name: 'A', share: a }, { name: 'B', share: b }, { name: 'C', share: c }] }],
});
const first = join(dir, 'first.json');
const second = join(dir, 'second.json');
writeFileSync(first, JSON.stringify(abc(80, 15, 5)));
writeFileSync(second, JSON.stringify(abc(90, 5, 5)));
// Sales 80 + 15 + 5 = 100. Share ahead: C1 0 (A), C2 80 % (B under 80/15/5, A under 90/5/5), C3 95 % (C both times).
const csv = join(dir, 'sales.csv');
writeFileSync(csv, 'Customer ID,Sales\nC1,80\nC2,15\nC3,5\n');

const cli = (args: string[]) => runCli(args, FIXED_LIMITS);

const C2_WHY = 'Thresholds changed: A share 80 % → 90 %, B share 15 % → 5 %; Sales 15.00 (unchanged), share of sales ahead of it 80 % (unchanged)';

describe('why each customer moved, on the command line', () => {
  const workbook = join(dir, 'first.xlsx');

  beforeAll(async () => {
    expect((await cli(['segment', csv, '--config', first, '--out', workbook])).code).toBe(0);
  });

  it('has no previous run for a CSV file: no (why) column', async () => {
    const r = await cli(['segment', csv, '--config', second, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.out)[0])).not.toContain('Sales ABC (why)');
    expect(r.err).not.toContain('since the last run');
  });

  it("gives each row of a workbook's JSON the cause of its move, blank when it did not move", async () => {
    const r = await cli(['segment', workbook, '--config', second, '--format', 'json']);
    expect(r.code).toBe(0);
    // And on stderr, counted by cause: C2 alone moved, by the thresholds.
    expect(r.err).toContain('Sales ABC: 1 customer changed segment since the last run. Thresholds changed: 1.\n');
    const rows = JSON.parse(r.out) as Record<string, string>[];
    expect(rows.map((row) => [row.Customer, row['Sales ABC'], row['Sales ABC (why)']])).toEqual([
      ['C1', 'A', ''],
      ['C2', 'A', C2_WHY],
      ['C3', 'C', ''],
    ]);
  });

  it('writes the moves under the migration matrix and into the tiers table, as text', async () => {
    const out = join(dir, 'second.xlsx');
    const written = await cli(['segment', workbook, '--config', second, '--out', out]);
    expect(written.code).toBe(0);
    expect(written.err).toContain('Sales ABC: 1 customer changed segment since the last run. Thresholds changed: 1.\n');
    const book = await excel(readFileSync(out));
    const tiers = values(book.getWorksheet('Customer Tiers')!);
    const why = tiers[0].indexOf('Sales ABC (why)');
    expect(why).toBe(tiers[0].indexOf('Sales ABC (cumulative share)') + 1);
    expect(tiers.slice(1).map((r) => r[why] ?? '')).toEqual(['', C2_WHY, '']);
    const summarySheet = book.getWorksheet('Segment Summary')!;
    const summary = values(summarySheet);
    const at = summary.findIndex((r) => r[0] === 'Why they moved: 1 customer');
    expect(at).toBeGreaterThan(0);
    expect(summary.slice(at + 1, at + 3)).toEqual([
      ['Customer', 'Before', 'Now', 'Why'],
      ['C2', 'B', 'A', C2_WHY],
    ]);
    expect(summarySheet.getCell(at + 3, 4).numFmt).toBe('@');
    // A third run on the written workbook with its saved thresholds: nothing moved, nothing to say.
    const again = await cli(['segment', out, '--format', 'json']);
    expect((JSON.parse(again.out) as Record<string, string>[]).map((row) => row['Sales ABC (why)'])).toEqual(['', '', '']);
    expect(again.err).toContain('Since the last run, no customer changed segment.\n');
  });
});
