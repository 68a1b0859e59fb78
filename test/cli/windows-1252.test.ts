// `tierwise segment` on plain "CSV" from Excel for Windows in Western Europe (Windows-1252, semicolons,
// `1.234,56 €`): the amounts are read and the names kept whole (– „ “ ” €, bytes 0x80-0x9F), by the
// engine and by DuckDB alike, which reads a UTF-8 copy of the file in a folder of its own under the
// system's temporary folder, removed when the run ends.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli-run';

// The module object itself, which the sources' `import { mkdtemp }` reads at each call (an `import * as`
// would be a copy of it, whose spy no source would see).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fsPromises = require('node:fs/promises') as typeof import('node:fs/promises');

const dir = mkdtempSync(join(tmpdir(), 'tierwise-1252-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// DuckDB's start and the engine on a small file: seconds on a busy machine.
jest.setTimeout(60_000);

/**
 * The folders made with fs.mkdtemp while `work` runs (the copy's): to see that one was made, where, and
 * that it is gone afterwards. Counting the temporary folder's entries would not do: other tests (and
 * DuckDB) make and remove theirs there at the same time, and jest's process.env is not the one os.tmpdir()
 * reads, so TMPDIR cannot point it elsewhere.
 */
async function foldersMadeBy<T>(work: () => Promise<T>): Promise<{ result: T; folders: string[] }> {
  const real = fsPromises.mkdtemp;
  const folders: string[] = [];
  const spy = jest.spyOn(fsPromises, 'mkdtemp').mockImplementation((async (prefix: string) => {
    const folder = await real(prefix);
    folders.push(folder);
    return folder;
  }) as typeof fsPromises.mkdtemp);
  try {
    return { result: await work(), folders };
  } finally {
    spy.mockRestore();
  }
}

/**
 * The file as Excel for Windows saves it, byte by byte: `ü` 0xFC, `é` 0xE9, `Ø` 0xD8, `–` 0x96, `„` 0x84,
 * `“` 0x93, `”` 0x94, `€` 0x80; semicolons, line ends CR LF, thousands points and decimal commas.
 *
 *   Kunde;Name;Umsatz
 *   1001;Müller – „Nord“ €;1.234,56 €
 *   1002;Société Générale;99,90 €
 *   1003;Øster AS – “Süd”;12.000,00 €
 *   1001;Müller – „Nord“ €;765,44 €
 */
const W1252: Record<string, number> = { ü: 0xfc, é: 0xe9, Ø: 0xd8, '–': 0x96, '„': 0x84, '“': 0x93, '”': 0x94, '€': 0x80 };
const LINES = ['Kunde;Name;Umsatz', '1001;Müller – „Nord“ €;1.234,56 €', '1002;Société Générale;99,90 €', '1003;Øster AS – “Süd”;12.000,00 €', '1001;Müller – „Nord“ €;765,44 €'];
function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      if (c.charCodeAt(0) < 0x80) return c.charCodeAt(0);
      if (!(c in W1252)) throw new Error(`no byte for ${c} in this test`);
      return W1252[c];
    }),
  );
}

/**
 * The answer, worked out by hand: 1001 has 1,234.56 + 765.44 = 2,000; 1002 99.90; 1003 12,000; 14,099.90
 * in all. Ranked: 1003 12,000 / 14,099.90 = 0.851070 (A: the first customer is A), then 1001 0.141845
 * (cumulative 0.992915, in the next 15 %: B), 1002 0.007085 (cumulative 1: C). Customers in the file's
 * order, the names as written, the file's own dialect (semicolons, decimal commas), CR LF.
 */
const EXPECTED = [
  'Customer;Customer name;Sales;ABC;ABC (auto);ABC (manual);ABC (flag);ABC (share);ABC (cumulative share)',
  '1001;Müller – „Nord“ €;2000;B;B;;;0,141845;0,992915',
  '1002;Société Générale;99,9;C;C;;;0,007085;1',
  '1003;Øster AS – “Süd”;12000;A;A;;;0,85107;0,85107',
].join('\r\n');

const run = (argv: string[]) => runCli(argv);

/** ABC 80/15/5 on sales for LINES' columns (the name column is `Name`, the amount `Umsatz`), written once. */
function abcConfig(): string {
  const config = join(dir, 'abc.config.json');
  const segments = [
    { name: 'A', share: 80 },
    { name: 'B', share: 15 },
    { name: 'C', share: 5 },
  ];
  writeFileSync(config, JSON.stringify({ version: 1, columns: { customerName: 'Name', amount: 'Umsatz' }, segmentTypes: [{ name: 'ABC', kind: 'abc', measure: 'sales', segments }] }));
  return config;
}

describe('tierwise segment on a Windows-1252 CSV', () => {
  it('the bytes are Windows-1252 (no UTF-8): the euro sign is the single byte 0x80', () => {
    const bytes = windows1252(LINES[1]);
    expect([...bytes.subarray(-3)]).toEqual([0x36, 0x20, 0x80]); // `6 €`
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('reads the amounts and keeps the names, the same bytes with --engine js and --engine duckdb, and leaves no temporary folder', async () => {
    const input = join(dir, 'umsatz.csv');
    writeFileSync(input, windows1252(LINES.map((l) => `${l}\r\n`).join('')));
    const config = abcConfig();

    const outputs: Buffer[] = [];
    for (const engine of ['js', 'duckdb']) {
      const out = join(dir, `tiers.${engine}.csv`);
      const { result: r, folders } = await foldersMadeBy(() => run(['segment', input, '--config', config, '--engine', engine, '--out', out]));
      expect({ engine, code: r.code, err: r.err }).toEqual({ engine, code: 0, err: `3 customers from 4 lines (0 left out); window: all dates\nWrote 3 customers to ${out}\n` });
      outputs.push(readFileSync(out));
      // DuckDB read a UTF-8 copy, made in a tierwise- folder of the temporary folder (the engine reads the
      // file itself); nothing is left there afterwards.
      expect(folders.map((f) => f.startsWith(join(tmpdir(), 'tierwise-')))).toEqual(engine === 'duckdb' ? [true] : []);
      expect(folders.filter((f) => existsSync(f))).toEqual([]);
    }
    const [js, duck] = outputs;
    // With the byte order mark Excel needs to read the file as UTF-8.
    expect(js.toString('utf8')).toBe(`\uFEFF${EXPECTED}\r\n`);
    expect(duck.equals(js)).toBe(true);
  });

  // The same lines as UTF-16 big-endian (byte order mark FE FF): DuckDB's `utf-16` is little-endian, so
  // it read nothing and said the file had no lines; now it reads a UTF-8 copy, as a Windows-1252 file.
  it('reads a UTF-16 big-endian file through a UTF-8 copy, into the same bytes as the engine', async () => {
    const input = join(dir, 'umsatz-be.txt');
    const le = Buffer.from(`\ufeff${LINES.map((l) => `${l}\r\n`).join('')}`, 'utf16le');
    writeFileSync(input, Buffer.from(le).swap16());
    expect([...readFileSync(input).subarray(0, 2)]).toEqual([0xfe, 0xff]);
    const config = abcConfig();
    const answers: string[] = [];
    for (const engine of ['js', 'duckdb']) {
      const { result: r, folders } = await foldersMadeBy(() => run(['segment', input, '--config', config, '--engine', engine]));
      expect({ engine, code: r.code, err: r.err }).toEqual({ engine, code: 0, err: '3 customers from 4 lines (0 left out); window: all dates\n' });
      expect(folders.filter((f) => existsSync(f))).toEqual([]);
      answers.push(r.out);
    }
    expect(answers[0]).toBe(`${EXPECTED}\r\n`);
    expect(answers[1]).toBe(answers[0]);
  });

  it('removes the copy when the run fails after it was made, and refuses the file as the engine does', async () => {
    // A blank line makes the DuckDB path read the file again with the engine's reader, which refuses the
    // quote opened on the last line and never closed: after the copy was made, before DuckDB is done.
    const input = join(dir, 'unclosed.csv');
    const lines = [...LINES.slice(0, 3), '', ...Array.from({ length: 20 }, (_, i) => `${2000 + i};Müller – „Nord“ €;1,00 €`), '1003;"Øster AS – “Süd”;12.000,00 €'];
    writeFileSync(input, windows1252(lines.map((l) => `${l}\n`).join('')));
    const config = abcConfig();
    const { result: duck, folders } = await foldersMadeBy(() => run(['segment', input, '--config', config, '--engine', 'duckdb']));
    const js = await run(['segment', input, '--config', config, '--engine', 'js']);
    expect(folders).toHaveLength(1);
    expect(existsSync(folders[0])).toBe(false);
    expect(duck.code).toBe(2);
    // LINES' first three, a blank line, 20 lines: the quote opens on line 25.
    expect(duck.err).toMatch(/^tierwise: .*unclosed\.csv is not a readable CSV file: on line 25, a field opens with a quote/);
    expect(duck).toEqual(js);
  });

  it('a file whose first 256 KB are plain ASCII and whose € comes later: DuckDB refuses it as UTF-8, and the run is made again with the copy', async () => {
    // 12,000 lines of 24 bytes (288,000) before the one line with Windows-1252 bytes: beyond the head
    // that decides the encoding. By hand: 12,001 customers, 1.00 € each but the last's 1.234,56 €.
    const plain = Array.from({ length: 12_000 }, (_, i) => `${String(100_000 + i)};Name ${String(i).padStart(5, '0')};1,00`);
    const input = join(dir, 'late.csv');
    writeFileSync(input, windows1252(['Kunde;Name;Umsatz', ...plain, '999999;Müller – „Nord“ €;1.234,56 €'].map((l) => `${l}\r\n`).join('')));
    const config = abcConfig();
    const outs: string[] = [];
    for (const engine of ['js', 'duckdb']) {
      const out = join(dir, `late.${engine}.csv`);
      const { result: r, folders } = await foldersMadeBy(() => run(['segment', input, '--config', config, '--engine', engine, '--out', out]));
      expect({ engine, code: r.code, err: r.err }).toEqual({ engine, code: 0, err: `12,001 customers from 12,001 lines (0 left out); window: all dates\nWrote 12,001 customers to ${out}\n` });
      expect(folders.filter((f) => existsSync(f))).toEqual([]);
      outs.push(readFileSync(out, 'utf8'));
    }
    expect(outs[1]).toBe(outs[0]);
    expect(outs[0]).toContain('\r\n999999;Müller – „Nord“ €;1234,56;');
  });
});
