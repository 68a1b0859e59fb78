// The command line on workbooks: --out writes a copy, a second run on it needs no --config,
// --in-place writes a backup first, --format csv is unchanged, and the demo writes the workbook.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXED_LIMITS, runCli } from '../support/cli-run';
import { plainWorkbook } from '../support/xlsx-fixture';
import { excel, parts, sheetPath, typeInto, values } from '../support/xlsx-files';

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'tierwise-cli-'));
const config = join(dir, 'config.json');
writeFileSync(config, JSON.stringify({ version: 1, columns: { customer: 'Customer ID', amount: 'Sales' }, segmentTypes: [{ name: 'Sales ABC', kind: 'abc', measure: 'sales', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }] }));
/** Sales 80 + 15 + 5 = 100: C1 80% -> A, C2 95% -> B, C3 100% -> C. */
const ROWS = [['Customer ID', 'Sales'], ['C1', 80], ['C2', 15], ['C3', 5]];

/** A profiles type on the Industry sector answer. */
const PROFILES = { version: 1, columns: { customer: 'Customer ID', amount: 'Sales' }, segmentTypes: [{ name: 'Profile', kind: 'profiles', profiles: [{ name: 'Services', include: { 'Industry sector': ['Services'] } }] }] };

/** Each customer's profile in the tiers table of a written workbook. */
async function profileColumn(path: string) {
  const tiers = values((await excel(readFileSync(path))).getWorksheet('Customer Tiers')!);
  const col = tiers[0].indexOf('Profile');
  return tiers.slice(1).map((r) => [r[0], r[col] ?? '']);
}

const cli = (args: string[], now = '2026-01-01T00:00:00.000Z') => runCli(args, { ...FIXED_LIMITS, now });

/** A CSV file named `name` holding `text`, turned into `name.xlsx` by the command line; the run and the sheet made of the CSV. */
async function csvToWorkbook(name: string, text: string, extra: string[] = []) {
  const csv = join(dir, `${name}.csv`);
  writeFileSync(csv, text);
  const out = join(dir, `${name}.xlsx`);
  const r = await cli(['segment', csv, '--config', config, '--out', out, ...extra]);
  const wb = await excel(readFileSync(out));
  return { r, wb, sheet: values(wb.getWorksheet(name)!) };
}

describe('tierwise segment on workbooks', () => {
  it('takes the questionnaire answers from --answers as it does with CSV output', async () => {
    const input = join(dir, 'answers-sales.xlsx');
    writeFileSync(input, await plainWorkbook('Orders', ROWS));
    const answers = join(dir, 'answers.csv');
    // C1 is in Services, C2 in IT; C3 gave no answers: only C1 gets the profile.
    writeFileSync(answers, 'Customer ID,Industry sector\nC1,Services\nC2,IT\n');
    const profiles = join(dir, 'profiles.json');
    writeFileSync(profiles, JSON.stringify(PROFILES));
    const out = join(dir, 'answers-tiers.xlsx');
    const run = await cli(['segment', input, '--config', profiles, '--answers', answers, '--out', out]);
    expect(run.code).toBe(0);
    expect(await profileColumn(out)).toEqual([['C1', 'Services'], ['C2', ''], ['C3', '']]);
    // The answers may be a workbook too, read as a workbook run reads its ranges (here its one table; C2 now in Services).
    const book = join(dir, 'answers.xlsx');
    writeFileSync(book, await plainWorkbook('Survey', [['Customer ID', 'Industry sector'], ['C2', 'Services'], ['C3', 'IT']], { table: 'Answers' }));
    const text = await cli(['segment', input, '--config', profiles, '--answers', book, '--format', 'csv']);
    expect(text.code).toBe(0);
    const rows = text.out.trim().split('\r\n').map((l) => l.split(','));
    expect(rows.slice(1).map((r) => [r[0], r[rows[0].indexOf('Profile')]])).toEqual([['C1', ''], ['C2', 'Services'], ['C3', '']]);
  });

  it('writes a copy with --out, then runs again on the copy with the configuration it saved', async () => {
    const input = join(dir, 'sales.xlsx');
    const bytes = await plainWorkbook('Orders', ROWS);
    writeFileSync(input, bytes);
    const out = join(dir, 'tiers.xlsx');
    const first = await cli(['segment', input, '--config', config, '--out', out, '--source-columns', 'all']);
    expect(first.err).toContain(`Wrote ${out}: Customer Tiers: 4 rows; Segment Summary:`);
    expect(first.code).toBe(0);
    expect(readFileSync(input).equals(bytes)).toBe(true);
    const tiers = values((await excel(readFileSync(out))).getWorksheet('Customer Tiers')!);
    expect(tiers.slice(1).map((r) => [r[0], r[4]])).toEqual([['C1', 'A'], ['C2', 'B'], ['C3', 'C']]);
    const out2 = join(dir, 'tiers2.xlsx');
    const second = await cli(['segment', out, '--out', out2], '2026-02-01T00:00:00.000Z');
    expect(second.code).toBe(0);
    expect(second.err).toContain('Configuration: tiers.xlsx (saved configuration); saved in the workbook\'s settings sheet');
    const wb2 = await excel(readFileSync(out2));
    const history = values(wb2.getWorksheet('Tierwise History')!);
    // The times of the segment columns (the newest run's facts follow its column, with a blank type cell).
    expect(history[1].filter((_, c) => (history[4][c] ?? '') !== '')).toEqual(['Time', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
    // Without --source-columns, the segment column written last time is kept current.
    expect(values(wb2.getWorksheet('Orders')!)).toEqual([['Customer ID', 'Sales', 'Sales ABC (Tierwise)'], ['C1', 80, 'A'], ['C2', 15, 'B'], ['C3', 5, 'C']]);
    const none = await cli(['segment', out2, '--out', join(dir, 'tiers3.xlsx'), '--source-columns', 'none'], '2026-03-01T00:00:00.000Z');
    expect(none.err).not.toContain('Orders!C1');
  });

  it('saves the sales range with the configuration; the next run without --sheet reads that range again', async () => {
    // Two sales sheets: the first one listed is 2016, the run chose 2017 (C3 80 -> A, C1 20 -> B).
    const input = join(dir, 'two-sheets.xlsx');
    writeFileSync(input, await plainWorkbook('Sales 2016', ROWS, { extraSheets: { 'Sales 2017': [['Customer ID', 'Sales'], ['C3', 80], ['C1', 20]] } }));
    const out = join(dir, 'two-sheets-tiers.xlsx');
    expect((await cli(['segment', input, '--config', config, '--sheet', 'Sales 2017', '--out', out])).code).toBe(0);
    const out2 = join(dir, 'two-sheets-again.xlsx');
    const again = await cli(['segment', out, '--out', out2], '2026-02-01T00:00:00.000Z');
    expect(again.code).toBe(0);
    const tiers = values((await excel(readFileSync(out2))).getWorksheet('Customer Tiers')!);
    const abc = tiers[0].indexOf('Sales ABC');
    expect(tiers.slice(1).map((r) => [r[0], r[abc]])).toEqual([['C3', 'A'], ['C1', 'B']]);
  });

  it('reads the answers range saved with the configuration, as the pane does; --answers FILE still wins', async () => {
    // C1 answered Services, C2 IT, C3 nothing: from the workbook, only C1 gets the profile.
    const input = join(dir, 'saved-answers.xlsx');
    writeFileSync(input, await plainWorkbook('Orders', ROWS, { extraSheets: { Survey: [['Customer ID', 'Industry sector'], ['C1', 'Services'], ['C2', 'IT']] } }));
    const profiles = join(dir, 'saved-answers.json');
    writeFileSync(profiles, JSON.stringify({ ...PROFILES, ranges: { sales: { sheet: 'Orders' }, answers: { sheet: 'Survey' } } }));
    const out = join(dir, 'saved-answers-tiers.xlsx');
    const first = await cli(['segment', input, '--config', profiles, '--out', out]);
    expect(first.code).toBe(0);
    expect(first.err).not.toContain('last used');
    expect(await profileColumn(out)).toEqual([['C1', 'Services'], ['C2', ''], ['C3', '']]);
    // The next run needs neither --config nor --answers: both were saved in the workbook.
    const again = join(dir, 'saved-answers-again.xlsx');
    expect((await cli(['segment', out, '--out', again], '2026-02-01T00:00:00.000Z')).code).toBe(0);
    expect(await profileColumn(again)).toEqual([['C1', 'Services'], ['C2', ''], ['C3', '']]);
    // A file given on the command line replaces the saved range for this run (here C2 is in Services).
    const answers = join(dir, 'saved-answers-file.csv');
    writeFileSync(answers, 'Customer ID,Industry sector\nC2,Services\n');
    const byFile = join(dir, 'saved-answers-file.xlsx');
    expect((await cli(['segment', out, '--answers', answers, '--out', byFile], '2026-03-01T00:00:00.000Z')).code).toBe(0);
    expect(await profileColumn(byFile)).toEqual([['C1', ''], ['C2', 'Services'], ['C3', '']]);
  });

  it('says which saved ranges the workbook lost and what it read instead, also when the run then fails', async () => {
    const input = join(dir, 'lost-ranges.xlsx');
    writeFileSync(input, await plainWorkbook('Orders', ROWS));
    const profiles = join(dir, 'lost-ranges.json');
    writeFileSync(profiles, JSON.stringify({ ...PROFILES, ranges: { sales: { table: 'Sales2025' }, answers: { sheet: 'Survey' } } }));
    const run = await cli(['segment', input, '--config', profiles, '--out', join(dir, 'lost-ranges-tiers.xlsx')]);
    // Without its answers range, the profile looks for its question in the sales range, which lacks it.
    expect(run.code).toBe(2);
    expect(run.err.split('\n').slice(0, 3)).toEqual([
      'warning: lost-ranges.xlsx: the sales data last used, table "Sales2025", is not in the workbook any more: read sheet "Orders" instead (name the range with --table or --sheet; the run saves the new choice)',
      'warning: lost-ranges.xlsx: the questionnaire answers last used, sheet "Survey", is not in the workbook any more: profiles look for the answers in the sales range (give --answers FILE, or choose the range of questionnaire answers in the task pane)',
      'segmentTypes[0].profiles[0].include.Industry sector: the sales range has no column headed "Industry sector"; its columns: Customer ID, Sales',
    ]);
    // Named on the command line, the sales range replaces the lost one without a word.
    const named = await cli(['segment', input, '--config', profiles, '--sheet', 'Orders', '--out', join(dir, 'lost-ranges-named.xlsx')]);
    expect(named.err).not.toContain('the sales data last used');
    expect(named.err).toContain('the questionnaire answers last used');
  });

  it('a saved visits range that cannot be read is a warning; the run goes on without it, as the pane does', async () => {
    const input = join(dir, 'bad-visits.xlsx');
    // The Visits sheet has no header row: its first row is data.
    writeFileSync(input, await plainWorkbook('Orders', ROWS, { extraSheets: { Visits: [['C1', 46000], ['C2', 46010]] } }));
    const withVisits = join(dir, 'bad-visits.json');
    const abc = { name: 'Sales ABC', kind: 'abc', measure: 'sales', segments: [{ name: 'A', share: 80, visitEveryDays: 30 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] };
    writeFileSync(withVisits, JSON.stringify({ version: 1, columns: { customer: 'Customer ID', amount: 'Sales' }, segmentTypes: [abc], ranges: { sales: { sheet: 'Orders' }, visits: { sheet: 'Visits' } } }));
    const run = await cli(['segment', input, '--config', withVisits, '--out', join(dir, 'bad-visits-tiers.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.err.split('\n')[0]).toBe(
      'warning: Visits!B1: the first row looks like data (46000 is not a column name): Tierwise needs a header row naming the columns (Customer, Sales, ...). Insert one above the data, or pick a range that starts with it; the run goes on without the visits (no visits are counted) [46000]',
    );
  });

  it('text output from a workbook shows what a written run would: saved configuration, saved range, typed overrides', async () => {
    // The run chose Sales 2017 (C3 80 -> A, C1 20 -> B); then someone typed C into C3's Manual cell.
    const input = join(dir, 'text-from-book.xlsx');
    writeFileSync(input, await plainWorkbook('Sales 2016', ROWS, { extraSheets: { 'Sales 2017': [['Customer ID', 'Sales'], ['C3', 80], ['C1', 20]] } }));
    const out = join(dir, 'text-from-book-tiers.xlsx');
    expect((await cli(['segment', input, '--config', config, '--sheet', 'Sales 2017', '--out', out])).code).toBe(0);
    const tiers = values((await excel(readFileSync(out))).getWorksheet('Customer Tiers')!);
    const manual = tiers[0].indexOf('Sales ABC (manual)');
    const edited = await typeInto(readFileSync(out), 'Customer Tiers', `${String.fromCharCode(65 + manual)}2`, 'C');
    writeFileSync(out, edited);
    // No --config: the workbook's own configuration, its saved sales range and the override typed in.
    const text = await cli(['segment', out, '--format', 'csv']);
    expect(text.code).toBe(0);
    const rows = text.out.trim().split('\r\n').map((l) => l.split(','));
    const col = (h: string) => rows[0].indexOf(h);
    expect(rows.slice(1).map((r) => [r[0], r[col('Sales ABC (auto)')], r[col('Sales ABC (manual)')], r[col('Sales ABC')]])).toEqual([
      ['C3', 'A', 'C', 'C'],
      ['C1', 'B', '', 'B'],
    ]);
    // The workbook is not changed by text output.
    expect(readFileSync(out).equals(edited)).toBe(true);
    // --table names a table in a workbook; a CSV has none.
    const csv = join(dir, 'plain.csv');
    writeFileSync(csv, 'Customer ID,Sales\nC1,1\n');
    const misuse = await cli(['segment', csv, '--config', config, '--table', 'Orders']);
    expect([misuse.code, misuse.err.split('\n')[0]]).toEqual([2, `tierwise: --table names a table of an .xlsx workbook; ${csv} is not one`]);
  });

  it('links each problem address on the summary sheet to its cell', async () => {
    const input = join(dir, 'bad-sales.xlsx');
    // C2's sales are unreadable: Orders!B3, left out.
    writeFileSync(input, await plainWorkbook('Orders', [ROWS[0], ROWS[1], ['C2', 'n/a'], ROWS[3]]));
    const out = join(dir, 'bad-sales-tiers.xlsx');
    const run = await cli(['segment', input, '--config', config, '--out', out]);
    expect(run.code).toBe(1);
    const bytes = readFileSync(out);
    const xml = (await parts(bytes)).get(await sheetPath(bytes, 'Segment Summary'))!.toString('utf8');
    const links = [...xml.matchAll(/<hyperlink ref="([A-Z]+)(\d+)" location="([^"]+)" tooltip="([^"]+)"\/>/g)];
    expect(links.map((m) => [m[1], m[3], m[4]])).toEqual([['A', 'Orders!B3', 'Go to Orders!B3']]);
    // Where SpreadsheetML wants it: after the data validations, before the page margins.
    expect(xml.indexOf('<hyperlinks>')).toBeGreaterThan(xml.indexOf('</sheetData>'));
    expect(xml.indexOf('<hyperlinks>')).toBeLessThan(xml.indexOf('<pageMargins'));
    // The linked cell keeps the address as its text, under the "Where" header, as ExcelJS reads it.
    const summary = values((await excel(bytes)).getWorksheet('Segment Summary')!);
    const row = Number(links[0][2]) - 1;
    expect(summary[row - 1][0]).toBe('Where');
    expect(summary[row][0]).toBe('Orders!B3');
  });

  it('--in-place writes a backup copy of the input first', async () => {
    const input = join(dir, 'inplace.xlsx');
    const bytes = await plainWorkbook('Orders', ROWS);
    writeFileSync(input, bytes);
    const r = await cli(['segment', input, '--config', config, '--in-place'], '2026-01-01T10:20:30.456Z');
    expect(r.code).toBe(0);
    const backup = join(dir, 'inplace.backup-20260101T102030Z.xlsx');
    expect(r.err).toContain(`Backup of ${input}: ${backup}`);
    expect(readFileSync(backup).equals(bytes)).toBe(true);
    expect((await excel(readFileSync(input))).worksheets.map((w) => w.name)).toContain('Customer Tiers');
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('keeps --format csv as it was', async () => {
    const input = join(dir, 'csv.xlsx');
    writeFileSync(input, await plainWorkbook('Orders', ROWS));
    const r = await cli(['segment', input, '--config', config, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.out.split('\r\n')[0]).toBe('Customer,Customer name,Sales,Sales ABC,Sales ABC (auto),Sales ABC (manual),Sales ABC (flag),Sales ABC (share),Sales ABC (cumulative share)');
    const both = await cli(['segment', input, '--config', config, '--format', 'csv', '--out', join(dir, 'x.xlsx')]);
    expect(both.code).toBe(2);
  });

  it('turns a CSV into a workbook with --out x.xlsx', async () => {
    const csv = join(dir, 'sales.csv');
    writeFileSync(csv, 'Customer ID,Sales,Day\nC1,80,2026-01-05\nC2,15,2026-01-06\nC3,5,2026-01-07\n');
    const out = join(dir, 'from-csv.xlsx');
    const r = await cli(['segment', csv, '--config', config, '--out', out, '--source-columns', 'all']);
    expect(r.code).toBe(0);
    const wb = await excel(readFileSync(out));
    const sales = wb.getWorksheet('sales')!;
    // Numbers as numbers, ISO days as dates (ExcelJS hands a date-formatted serial back as a Date).
    expect(values(sales)).toEqual([
      ['Customer ID', 'Sales', 'Day', 'Sales ABC (Tierwise)'],
      ['C1', 80, new Date(Date.UTC(2026, 0, 5)), 'A'],
      ['C2', 15, new Date(Date.UTC(2026, 0, 6)), 'B'],
      ['C3', 5, new Date(Date.UTC(2026, 0, 7)), 'C'],
    ]);
  });

  it('a CSV with decimal commas becomes numbers as Excel in that locale would read them: 1.234 is a thousand', async () => {
    // 12,50 proves the comma (it reads no other way), so 1.234 is 1234 and 1.234,50 is 1234.5; the id
    // 007 and the code 1e5 stay text. Sales 1234 + 12.5 + 1234.5 = 2481, largest first: K3 (0 % ahead)
    // -> A, K1 (49.8 % ahead) -> A, K2 (99.5 % ahead) -> C.
    const { r, wb, sheet } = await csvToWorkbook('umsatz', 'Customer ID;Sales;Code\nK1;1.234;007\nK2;12,50;1e5\nK3;1.234,50;x\n');
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('warning');
    expect(sheet).toEqual([
      ['Customer ID', 'Sales', 'Code'],
      ['K1', 1234, '007'],
      ['K2', 12.5, '1e5'],
      ['K3', 1234.5, 'x'],
    ]);
    const tiers = values(wb.getWorksheet('Customer Tiers')!);
    expect(tiers.slice(1).map((row) => [row[0], row[tiers[0].indexOf('Sales ABC')]])).toEqual([['K1', 'A'], ['K2', 'C'], ['K3', 'A']]);
  });

  it('a CSV that mixes decimal separators: the majority makes numbers, the others stay text, and a warning says where', async () => {
    // 12,50, 3,10 and 1.234,50 prove the comma; 7.25 proves the point and stays text at B5.
    const { r, sheet } = await csvToWorkbook('mixed', 'Customer ID;Sales\nC1;12,50\nC2;3,10\nC3;1.234,50\nC4;7.25\n');
    expect(r.err).toContain('warning: mixed!B5: the numbers of mixed.csv mix decimal separators; the workbook gets them with a decimal comma, which more of them use, and this cell, written with a decimal point, stays text: check it ["7.25"]');
    expect(sheet).toEqual([['Customer ID', 'Sales'], ['C1', 12.5], ['C2', 3.1], ['C3', 1234.5], ['C4', '7.25']]);
  });

  it('a CSV whose numbers prove no separator keeps 1.234 as text, for the run to read and warn about', async () => {
    const { r, sheet } = await csvToWorkbook('unsure', 'Customer ID;Sales\nC1;1.234\nC2;7\n');
    expect(r.err).toContain('warning: unsure!B2:B3: every number written as text could have a decimal point or a decimal comma');
    expect(sheet).toEqual([['Customer ID', 'Sales'], ['C1', '1.234'], ['C2', 7]]);
  });

  it('a CSV cell longer than an Excel cell holds is cut in the workbook, with a warning at its cell', async () => {
    // B3 (C2's note) has 40,000 characters; Excel holds 32,767 in a cell and calls a longer one damage.
    const { r, sheet } = await csvToWorkbook('notes', `Customer ID,Note,Sales\nC1,short,80\nC2,${'x'.repeat(40_000)},15\n`);
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning: notes!B3: holds 40,000 characters, more than an Excel cell holds (32,767): the workbook keeps the first 32,766 and an ellipsis; notes.csv is not changed');
    const note = sheet[2][1] as string;
    expect(note.length).toBe(32_767);
    expect(note.endsWith('x\u2026')).toBe(true);
  });

  it('npm run demo writes the CSV, the workbook and the summary', async () => {
    const cwd = process.cwd();
    const work = mkdtempSync(join(tmpdir(), 'tierwise-demo-'));
    process.chdir(work);
    try {
      const r = await cli(['demo']);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Tierwise: 793 customers from 9,994 lines (0 left out); window: all dates');
      // Said once, at the top of the summary, not again on stderr.
      expect(r.err).not.toContain('9,994 lines');
      expect(r.out).toContain(`One row per customer: ${join(work, 'demo', 'superstore-tiers.csv')}`);
      expect(r.out).toContain(join(work, 'demo', 'superstore-tiers.xlsx'));
      expect(existsSync(join(work, 'demo', 'superstore-tiers.csv'))).toBe(true);
      const wb = await excel(readFileSync(join(work, 'demo', 'superstore-tiers.xlsx')));
      expect(wb.worksheets.map((w) => w.name)).toEqual(['superstore', 'Customer Tiers', 'Segment Summary', 'Tierwise History', 'Tierwise Settings']);
      expect(wb.getWorksheet('Customer Tiers')!.rowCount).toBe(794);
    } finally {
      process.chdir(cwd);
    }
  });
});
