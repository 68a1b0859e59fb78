// `tierwise init`: a starting configuration written for a file, which `segment` then runs as it is.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseConfigText } from '../../src/engine/config';
import { runCli } from '../support/cli-run';
import { SUPERSTORE_CSV } from '../support/tables';
import { SUPERSTORE_COLUMNS } from '../sql/cases';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
jest.setTimeout(60_000);

describe('tierwise init', () => {
  test('writes the columns found and the default types the file can run, and segment runs it as written', async () => {
    // A German export: customer, a bare Name, dates day first, amounts with a decimal comma, no profit.
    // 1.234,56 + 99,90 for 1001 = 1,334.46; 50,00 for 1002; 1001 is ahead of nobody (A), 1002 is ahead of
    // 1,334.46 / 1,384.46 = 96.4 % (C).
    const sales = join(dir, 'umsatz.csv');
    writeFileSync(sales, 'Kunde;Name;Datum;Umsatz\n1001;Müller GmbH;05.03.2017;1.234,56\n1002;Schmidt AG;06.03.2017;50,00\n1001;Müller GmbH;07.03.2017;99,90\n');
    const out = join(dir, 'configs', 'umsatz.json'); // a folder not made yet
    const init = await runCli(['init', sales, '--out', out]);
    expect(init.code).toBe(0);
    expect(init.err).toBe(
      [
        'Columns found: customer "Kunde", customerName "Name", date "Datum", amount "Umsatz"',
        'Segment types: Sales ABC (the profit bands need a Profit or a Cost column)',
        `Wrote the configuration to ${out}: change it as you like, then run tierwise segment ${sales} --config ${out}`,
        '',
      ].join('\n'),
    );
    const parsed = parseConfigText(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.config.columns).toEqual({ customer: 'Kunde', customerName: 'Name', date: 'Datum', amount: 'Umsatz' });
    // The schema, found from where the file is: an editor completes and checks it from the first keystroke.
    expect(existsSync(resolve(dirname(out), parsed.config.$schema!))).toBe(true);
    expect(resolve(dirname(out), parsed.config.$schema!)).toBe(resolve(__dirname, '..', '..', 'schema', 'tierwise.config.schema.json'));
    expect(parsed.config.segmentTypes.map((t) => [t.name, t.kind])).toEqual([['Sales ABC', 'abc']]);

    const run = await runCli(['segment', sales, '--config', out]);
    expect(run.code).toBe(0);
    expect(run.out.split('\r\n').slice(0, 3)).toEqual([
      'Customer;Customer name;Sales;Sales ABC;Sales ABC (auto);Sales ABC (manual);Sales ABC (flag);Sales ABC (share);Sales ABC (cumulative share)',
      '1001;Müller GmbH;1334,46;A;A;;;0,963885;0,963885',
      '1002;Schmidt AG;50;C;C;;;0,036115;1',
    ]);
  });

  test('on Superstore: both default types and the nine columns the sample has, printed to stdout', async () => {
    const init = await runCli(['init', SUPERSTORE_CSV]);
    expect(init.code).toBe(0);
    const parsed = parseConfigText(init.out);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    // The columns the SQL tests name by hand for the sample: init finds the same nine.
    expect(parsed.config.columns).toEqual(SUPERSTORE_COLUMNS);
    expect(parsed.config.segmentTypes.map((t) => t.name)).toEqual(['Sales ABC', 'Profit band']);
    const config = join(dir, 'superstore.json');
    writeFileSync(config, init.out);
    const run = await runCli(['segment', SUPERSTORE_CSV, '--config', config]);
    expect(run.code).toBe(0);
    expect(run.err).toBe('793 customers from 9,994 lines (0 left out); window: all dates\n');
  });

  test('says what it did not find, never writes over the file it reads, and is pointed to when --config is missing', async () => {
    const sales = join(dir, 'bare.csv');
    writeFileSync(sales, 'Region,Total\nWest,5\n');
    const init = await runCli(['init', sales]);
    expect(init.code).toBe(0);
    expect(init.err).toContain('note: no customer column was found: name it under "columns" ("customer": "<its header>") before segmenting');
    expect(init.err).toContain('note: no sales amount column was found: name it under "columns" ("amount": "<its header>") before segmenting');
    const over = await runCli(['init', sales, '--out', sales]);
    expect(over.code).toBe(2);
    expect(readFileSync(sales, 'utf8')).toBe('Region,Total\nWest,5\n');
    expect((await runCli(['init', sales, '--sheet', 'Orders'])).err).toContain('--sheet and --table name a part of an .xlsx workbook');
    // A spreadsheet of another format is not read as text: said, with what to save it as (also by sql --headers-from).
    const xls = join(dir, 'ledger.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const said = `tierwise: ${xls}: Tierwise reads .csv, .tsv, .txt, .xlsx and .xlsm files, and \`segment\` also .parquet (this one is ".xls"): open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx)\n`;
    expect(await runCli(['init', xls])).toEqual({ code: 2, out: '', err: said });
    const cfg = join(dir, 'any.json');
    writeFileSync(cfg, '{"version": 1}');
    expect(await runCli(['sql', '--config', cfg, '--dialect', 'duckdb', '--headers-from', xls])).toEqual({ code: 2, out: '', err: said });
    const missing = await runCli(['segment', sales]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`--config <config.json> is required for ${sales}: \`tierwise init ${sales} --out tierwise.json\` writes a starting one`);
  });
});
