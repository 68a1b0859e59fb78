// The command line as a user runs it: files in, CSV/JSON and issues out, an exit status that says
// whether every row was used.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCli } from '../support/cli-run';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const ABC = { name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] };
const config = file('config.json', JSON.stringify({ version: 1, segmentTypes: [ABC], overrides: { 'Sales ABC': { c3: 'A' } } }));

// Sales 100, 50, 30 (total 180): c1 0 % ahead -> A; c2 55.6 % ahead -> A; c3 83.3 % ahead -> B, overridden to A.
const sales = file(
  'sales.csv',
  [
    'Customer,Customer Name,Sales,Profit',
    'c1,"=HYPERLINK(""http://x"",""y"")",100,10',
    'c2,+1,50,-5',
    'c3,-cmd,30,1',
    'c4,@SUM(A1),"1,234.50",2',
  ].join('\n'),
);

const run = (...argv: string[]) => runCli(argv);

describe('tierwise segment', () => {
  test('one row per customer: id, name, then the segment type by its name, with auto, manual and flag', async () => {
    const r = await run('segment', sales, '--config', config);
    expect(r.code).toBe(0);
    const rows: string[][] = parse(r.out);
    expect(rows[0]).toEqual(['Customer', 'Customer name', 'Sales', 'Profit', 'Sales ABC', 'Sales ABC (auto)', 'Sales ABC (manual)', 'Sales ABC (flag)', 'Sales ABC (share)', 'Sales ABC (cumulative share)']);
    // With c4's 1,234.50: total 1414.5. c4 0 % ahead -> A; c1 87.3 % ahead -> B; c2 94.3 % -> B; c3 97.9 % -> C, manual A.
    const byId = Object.fromEntries(rows.slice(1).map((row) => [row[0], row]));
    expect(byId.c4.slice(2, 8)).toEqual(['1234.5', '2', 'A', 'A', '', '']);
    expect(byId.c1.slice(4, 6)).toEqual(['B', 'B']);
    expect(byId.c2.slice(4, 6)).toEqual(['B', 'B']);
    expect(byId.c3.slice(4, 8)).toEqual(['A', 'C', 'A', 'manual ≠ auto']);
  });

  test('names a spreadsheet would run as formulas are written with a leading apostrophe', async () => {
    const r = await run('segment', sales, '--config', config);
    const names = Object.fromEntries((parse(r.out) as string[][]).slice(1).map((row) => [row[0], row[1]]));
    expect(names).toEqual({ c1: `'=HYPERLINK("http://x","y")`, c2: "'+1", c3: "'-cmd", c4: "'@SUM(A1)" });
  });

  test('exit 1 when rows are left out; each is on stderr with its address', async () => {
    const bad = file('bad.csv', 'Customer,Sales\nc1,100\nc2,#N/A\n,5\nc3,oops\n');
    const r = await run('segment', bad, '--config', config);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad!B3: ');
    expect(r.err).toContain('bad!A4: ');
    expect(r.err).toMatch(/bad!B5: Sales "oops" is not a number/);
    expect(r.err).toContain("2 customers from 1 line (3 left out); window: all dates");
    // c3 has no usable line but a manual override, so it is still listed (SEMANTICS 3.7).
    expect((parse(r.out) as string[][]).map((row) => row[0])).toEqual(['Customer', 'c1', 'c3']);
  });

  test('--issues FILE gets every issue, --out FILE the table, each in a folder made for it', async () => {
    // A sheet named like a cell (BAD2) would need quotes in an address; this one does not.
    const bad = file('partial.csv', 'Customer,Sales\nc1,100\nc2,x\n');
    const out = join(dir, 'out', 'tiers.csv');
    const issues = join(dir, 'checks', '2017', 'issues.csv');
    const r = await run('segment', bad, '--config', config, '--out', out, '--issues', issues);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    // Both files start with the byte order mark Excel for Windows needs to read UTF-8 (csvFileText).
    const [issuesText, outText] = [readFileSync(issues, 'utf8'), readFileSync(out, 'utf8')];
    expect([issuesText.charCodeAt(0), outText.charCodeAt(0)]).toEqual([0xfeff, 0xfeff]);
    expect(parse(issuesText.slice(1))).toEqual([['where', 'value', 'message'], ['partial!B3', 'x', expect.stringMatching(/is not a number/)]]);
    expect(parse(outText.slice(1))[1][0]).toBe('c1');
    // Standard output gets none: a pipe is no spreadsheet.
    expect((await run('segment', bad, '--config', config)).out.charCodeAt(0)).toBe('C'.charCodeAt(0));
  });

  test('--format json gives the same columns as objects', async () => {
    const r = await run('segment', sales, '--config', config, '--format', 'json');
    const rows = JSON.parse(r.out);
    expect(rows).toHaveLength(4);
    expect(rows.find((x: Record<string, unknown>) => x.Customer === 'c3')).toMatchObject({ 'Sales ABC': 'A', 'Sales ABC (auto)': 'C', 'Sales ABC (manual)': 'A' });
  });

  test('exit 2, nothing written, for an invalid configuration: every problem with its path', async () => {
    const broken = file('broken.json', JSON.stringify({ version: 1, segmentTypes: [{ name: 'X', kind: 'abc', segments: [{ name: 'A', share: 70 }] }, { name: 'Y', kind: 'bands', bands: [{ name: 'L', max: 0 }, { name: 'H', min: 10 }] }] }));
    const r = await run('segment', sales, '--config', broken);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('segmentTypes[0].segments: the shares of the segments add up to 70, not 100');
    expect(r.err).toContain('segmentTypes[1].bands[1].min: no band covers 0 to 10');
  });

  test('exit 2 for a missing customer column, a missing file, a missing option', async () => {
    const noCustomer = file('nocust.csv', 'Region,Sales\nWest,1\n');
    expect((await run('segment', noCustomer, '--config', config)).code).toBe(2);
    const missing = await run('segment', join(dir, 'nope.csv'), '--config', config);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.csv/);
    expect((await run('segment', sales)).err).toMatch(/--config <config.json> is required/);
    expect((await run('frobnicate')).code).toBe(2);
  });
});

describe('text files as Excel saves them', () => {
  const bytes = (name: string, data: Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    return path;
  };
  /** Id and sales of each output row, in the dialect the output was written in (the input's own). */
  const namesAndSales = (out: string) => {
    const header = out.slice(0, out.indexOf('\r\n'));
    const delimiter = header.includes('\t') ? '\t' : header.includes(';') ? ';' : ',';
    return (parse(out, { delimiter }) as string[][]).slice(1).map((row) => [row[0], row[2]]);
  };
  const plain = file('plain.json', JSON.stringify({ version: 1, segmentTypes: [ABC] }));

  test('"CSV (Comma delimited)" from Excel for Windows: Windows-1252, so "Müller" is not read as "M\uFFFDller"', async () => {
    // ü is the single byte 0xFC in Windows-1252, which is no valid UTF-8.
    const ansi = bytes('ansi.csv', Buffer.concat([Buffer.from('Customer,Sales\nM'), Buffer.from([0xfc]), Buffer.from('ller,5\nC2,3\n')]));
    const r = await run('segment', ansi, '--config', plain);
    expect(r.code).toBe(0);
    expect(namesAndSales(r.out)).toEqual([['Müller', '5'], ['C2', '3']]);
  });

  test('"Unicode Text": UTF-16 with its byte order mark, separated by tabs', async () => {
    const text = 'Customer\tSales\r\nZoë\t7\r\nC2\t3\r\n';
    const le = bytes('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(namesAndSales((await run('segment', le, '--config', plain)).out)).toEqual([['Zoë', '7'], ['C2', '3']]);
    const swapped = Buffer.from(text, 'utf16le').swap16();
    const be = bytes('unicode-be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), swapped]));
    expect(namesAndSales((await run('segment', be, '--config', plain)).out)).toEqual([['Zoë', '7'], ['C2', '3']]);
  });

  test('"CSV UTF-8" with semicolons and decimal commas: the comma is detected; a configured point says which setting reads them', async () => {
    const european = bytes('european.csv', Buffer.from('\uFEFFKunde;Umsatz\r\nK1;"1.234,50"\r\nK2;10\r\n', 'utf8'));
    const r = await run('segment', european, '--config', plain);
    expect(r.code).toBe(0);
    // The byte order mark is not part of the first header: "Kunde" is recognised as the customer column.
    // The answer is written as the file was: semicolons, decimal commas (Excel de-DE opens it in columns).
    expect(r.out.startsWith('Customer;Customer name;Sales;')).toBe(true);
    expect(namesAndSales(r.out)).toEqual([['K1', '1234,5'], ['K2', '10']]);
    const point = file('point.json', JSON.stringify({ version: 1, segmentTypes: [ABC], locale: { decimal: '.' } }));
    const withPoint = await run('segment', european, '--config', point);
    expect(withPoint.code).toBe(1);
    expect(withPoint.err).toContain('european!B2: Umsatz "1.234,50" is not a number with a decimal point; it reads as one with a decimal comma.');
  });

  test('a quote inside a field is a character, as Excel reads it; a quote never closed is named with its line', async () => {
    // Monitor 27" wide: the quote is part of the product name (row 2), and the line counts.
    const inches = bytes('inches.csv', Buffer.from('Customer ID,Product,Sales\nC1,Monitor 27" wide,10\nC2,"Cable, 2 m",5\n', 'utf8'));
    const r = await run('segment', inches, '--config', plain);
    expect(r.code).toBe(0);
    expect(namesAndSales(r.out)).toEqual([['C1', '10'], ['C2', '5']]);
    const open = bytes('open.csv', Buffer.from('Customer ID,Sales\nC1,"10\nC2,5\n', 'utf8'));
    const refused = await run('segment', open, '--config', plain);
    expect(refused.code).toBe(2);
    // Line 2 opens "10 and nothing closes it (csv-parse itself names line 4, where it gave up).
    expect(refused.err).toContain('is not a readable CSV file: on line 2, a field opens with a quote (") that is never closed, so the rest of the file would be one cell. Close the quote, or remove it, on line 2.');
  });

  test('a report exported as text: its title line is skipped, empty lines keep the rows Excel shows', async () => {
    // Row 1 the title, row 2 empty, row 3 the header; K1 on row 4, an empty row 5, K2 on row 6 whose
    // Umsatz "x" is the issue at B6 (where Excel shows it when the file is opened), trailing lines ignored.
    const report = bytes('report.csv', Buffer.from('Umsatzbericht 2017\r\n\r\nKunde;Umsatz\r\nK1;100\r\n\r\nK2;x\r\nK3;20\r\n\r\n\r\n', 'utf8'));
    const r = await run('segment', report, '--config', plain);
    expect(namesAndSales(r.out)).toEqual([['K1', '100'], ['K3', '20']]);
    expect(r.err).toContain('report!B6: Umsatz "x" is not a number');
    expect(r.err).toContain('warning: report!A1:B2: the 2 rows above the header are a title, not data: the header is row 3');
    expect(r.err).toContain('warning: report!A5:B5: row 5 is empty and was skipped');
    expect(r.code).toBe(1);
  });
});

describe('installed command', () => {
  beforeAll(() => {
    // `npm ci` builds dist/ through the prepare script; rebuild here so the test runs the current source.
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: join(__dirname, '..', '..'), stdio: 'inherit' });
  }, 120_000);

  test('`npx tierwise --version` prints the version of package.json from the built command', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    const r = spawnSync('npx', ['--no-install', 'tierwise', '--version'], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`tierwise ${pkg.version}\n`);
  });

  test('`npx tierwise` runs the command line with its exit status', () => {
    const bad = file('npx.csv', 'Customer,Sales\nc1,100\nc2,x\n');
    const r = spawnSync('npx', ['--no-install', 'tierwise', 'segment', bad, '--config', config], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout.split(/\r?\n/)[1]).toMatch(/^c1,/);
    expect(r.stderr).toContain('npx!B3');
  });
});
