// The files a command is told to read and to write. A typo in --out or --issues must not replace the
// sales lines (or the workbook, the configuration) with the answer, two outputs must not be one file,
// and a folder where a file belongs is said in a sentence, never as a stack trace.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXED_LIMITS, runCli } from '../support/cli-run';
import { fileErrorText } from '../../src/hosts/files/read';
import { plainWorkbook } from '../support/xlsx-fixture';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-named-'));
const config = join(dir, 'config.json');
const CONFIG_TEXT = JSON.stringify({ version: 1, columns: { customer: 'Customer ID', amount: 'Sales' }, segmentTypes: [{ name: 'Sales ABC', kind: 'abc', measure: 'sales', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }] });
writeFileSync(config, CONFIG_TEXT);
const CSV_TEXT = 'Customer ID,Sales\r\nC1,10\r\nC2,5\r\n';
const csv = join(dir, 'sales.csv');
writeFileSync(csv, CSV_TEXT);
const folder = join(dir, 'a folder.csv');
mkdirSync(folder);

const cli = (args: string[]) => runCli(args, FIXED_LIMITS);

describe('an output that names a file the command reads is refused before anything is read or written', () => {
  it('--out naming the sales file: the lines stay as they were', async () => {
    const r = await cli(['segment', csv, '--config', config, '--out', csv]);
    expect(r).toEqual({ code: 2, out: '', err: `tierwise: --out ${csv} is the sales file: Tierwise never writes over a file it reads; name another file\n` });
    expect(readFileSync(csv, 'utf8')).toBe(CSV_TEXT);
  });

  it('the same file by another spelling or through a link', async () => {
    const spelled = join(dir, '.', '..', 'tierwise-named-x', '..', dir.split(/[\\/]/).pop()!, 'sales.csv');
    expect((await cli(['segment', csv, '--config', config, '--out', spelled])).code).toBe(2);
    const link = join(dir, 'link.csv');
    symlinkSync(csv, link);
    const r = await cli(['segment', csv, '--config', config, '--issues', link]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`tierwise: --issues ${link} is the sales file: Tierwise never writes over a file it reads; name another file\n`);
    expect(readFileSync(csv, 'utf8')).toBe(CSV_TEXT);
  });

  it('--issues naming the input workbook, and --out naming the configuration', async () => {
    const book = join(dir, 'book.xlsx');
    const bytes = await plainWorkbook('Orders', [['Customer ID', 'Sales'], ['C1', 10], ['C2', 'n/a']]);
    writeFileSync(book, bytes);
    const r = await cli(['segment', book, '--config', config, '--issues', book]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--issues .*book\.xlsx is the input workbook: Tierwise never overwrites it unless --in-place/);
    expect(readFileSync(book).equals(Buffer.from(bytes))).toBe(true);
    const c = await cli(['segment', csv, '--config', config, '--out', config]);
    expect(c.err).toBe(`tierwise: --out ${config} is the configuration: Tierwise never writes over a file it reads; name another file\n`);
    expect(readFileSync(config, 'utf8')).toBe(CONFIG_TEXT);
  });

  it('--out and --issues naming one file: neither is written', async () => {
    const both = join(dir, 'both.csv');
    const r = await cli(['segment', csv, '--config', config, '--out', both, '--issues', both]);
    expect(r).toEqual({ code: 2, out: '', err: `tierwise: --out and --issues both name ${both}: one would be lost; name two files\n` });
    expect(existsSync(both)).toBe(false);
  });

  it('tierwise sql: --out naming the file its columns are read from', async () => {
    const r = await cli(['sql', '--config', config, '--dialect', 'duckdb', '--headers-from', csv, '--out', csv]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out .*sales\.csv is the file the columns are read from/);
    expect(readFileSync(csv, 'utf8')).toBe(CSV_TEXT);
  });
});

describe('a folder where a file belongs', () => {
  it('as the sales file, the configuration, the columns of `sql`, or --out: a sentence, exit 2', async () => {
    const said = `${folder} is a folder, not a file: name a file in it`;
    expect(await cli(['segment', folder, '--config', config])).toEqual({ code: 2, out: '', err: `tierwise: ${said}\n` });
    expect(await cli(['suggest', folder, '--config', config])).toEqual({ code: 2, out: '', err: `tierwise: ${said}\n` });
    expect(await cli(['segment', csv, '--config', folder])).toEqual({ code: 2, out: '', err: `tierwise: cannot read the configuration: ${said}\n` });
    // It exists: not "no such file".
    expect((await cli(['sql', '--config', config, '--dialect', 'duckdb', '--headers-from', folder])).err).toBe(`tierwise: ${said}\n`);
    expect(await cli(['segment', csv, '--config', config, '--out', dir])).toEqual({ code: 2, out: '', err: `tierwise: --out ${dir} is a folder: name a file in it\n` });
  });

  it('a file error that reaches the end of a command is said with its path (a full disk, a read-only disk)', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: x`), { code });
    expect(fileErrorText('out.csv', error('ENOSPC'))).toBe('out.csv: the disk is full');
    expect(fileErrorText('out.csv', error('EROFS'))).toBe('out.csv: the disk is read-only');
    expect(fileErrorText('out.csv', error('EACCES'))).toBe('out.csv: permission denied');
    expect(fileErrorText('out.csv', new Error('not about a file'))).toBeUndefined();
  });
});

describe('--help after a command', () => {
  it.each(['segment', 'suggest', 'demo'])('tierwise %s --help prints the usage and does nothing else', async (command) => {
    const r = await cli([command, '--help']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/^Usage:\n {2}tierwise init <file.csv\|file.xlsx>/);
    expect(r.out).toContain('\n  tierwise segment <file.csv> --config');
    expect(r.out).toContain('tierwise <command> --help');
  });

  it('tierwise sql -h prints the SQL command’s usage; after `--`, --help is a file name', async () => {
    const r = await cli(['sql', '-h']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/^Usage:\n {2}tierwise sql --config/);
    expect((await cli(['init', '--help'])).out).toMatch(/^Usage:\n {2}tierwise init <file.csv\|file.xlsx> \[--sheet NAME \| --table NAME\] \[--out tierwise.json\]\n/);
    expect((await cli(['segment', '--config', config, '--', '--help'])).err).toBe('tierwise: --help: no such file\n');
  });
});

describe('a workbook run with a broken --config', () => {
  it('names the configuration file, not the workbook', async () => {
    const book = join(dir, 'plain.xlsx');
    writeFileSync(book, await plainWorkbook('Orders', [['Customer ID', 'Sales'], ['C1', 10]]));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"version": 1, "segmentTypes": [],}');
    const r = await cli(['segment', book, '--config', broken]);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\(configuration\\): not valid JSON`));
    expect(lines.at(-1)).toBe(`tierwise: the configuration ${broken} is not valid; nothing was computed`);
  });
});

describe("the answer's format and --out's name", () => {
  it('--out tiers.json writes JSON without --format; a name and a format that disagree, or .xls, are refused', async () => {
    const json = join(dir, 'tiers.json');
    expect((await cli(['segment', csv, '--config', config, '--out', json])).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual([expect.objectContaining({ Customer: 'C1', Sales: 10 }), expect.objectContaining({ Customer: 'C2', Sales: 5 })]);
    for (const engine of ['js', 'duckdb']) {
      const clash = await cli(['segment', csv, '--config', config, '--engine', engine, '--format', 'csv', '--out', join(dir, 'x.json')]);
      expect(clash).toEqual({ code: 2, out: '', err: `tierwise: --format csv and --out ${join(dir, 'x.json')} disagree: name the file .csv, or leave --format out\n` });
      const xls = await cli(['segment', csv, '--config', config, '--engine', engine, '--out', join(dir, 'x.xls')]);
      expect(xls.err).toBe(`tierwise: --out ${join(dir, 'x.xls')}: Tierwise writes .xlsx workbooks and .csv or .json files, not .xls; name it .xlsx, and Excel opens it\n`);
    }
    expect(existsSync(join(dir, 'x.json')) || existsSync(join(dir, 'x.xls'))).toBe(false);
  });
});
