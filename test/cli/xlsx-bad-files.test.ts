// Files the command line cannot use as workbooks: each gets a message saying what is wrong and
// what to do, exit status 2, and no output file.
import JSZip from 'jszip';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXED_LIMITS, runCli } from '../support/cli-run';
import { plainWorkbook } from '../support/xlsx-fixture';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-bad-'));
const config = join(dir, 'config.json');
writeFileSync(config, JSON.stringify({ version: 1, columns: { customer: 'Customer ID', amount: 'Sales' }, segmentTypes: [{ name: 'Sales ABC', kind: 'abc', measure: 'sales', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }] }));
const ROWS = [['Customer ID', 'Sales'], ['C1', 10], ['C2', 5]];

const cli = (args: string[], maxFileBytes = 512 * 2 ** 20) => runCli(args, { ...FIXED_LIMITS, maxFileBytes });

async function expectRefused(file: string, args: string[], message: RegExp, maxFileBytes?: number) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.xlsx`);
  const r = await cli(['segment', file, '--config', config, '--out', out, ...args], maxFileBytes);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(message);
  expect(existsSync(out)).toBe(false);
}

/**
 * The first bytes of an OLE compound file (D0 CF 11 E0 A1 B1 1A E1, version 3, 512-byte sectors)
 * with one directory sector naming the given streams, as Excel's encrypted workbooks
 * (EncryptionInfo + EncryptedPackage) and old .xls files (Workbook) have them.
 */
function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 2^9 = 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(0, 48); // directory starts at sector 0
  const directory = Buffer.alloc(512);
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = i * 128;
    directory.write(name, at, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory[at + 66] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return Buffer.concat([header, directory]);
}

describe('bad workbooks', () => {
  it('a text file named .xlsx', async () => {
    const f = join(dir, 'notes.xlsx');
    writeFileSync(f, 'Customer ID,Sales\nC1,10\n');
    await expectRefused(f, [], /notes\.xlsx cannot be opened: it is not an \.xlsx workbook/);
  });

  it('a zip file that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const f = join(dir, 'archive.xlsx');
    writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer' }));
    await expectRefused(f, [], /archive\.xlsx cannot be opened: it is a zip file but not an Excel workbook/);
  });

  it('a password-protected workbook', async () => {
    const f = join(dir, 'locked.xlsx');
    writeFileSync(f, compoundFile(['EncryptionInfo', 'EncryptedPackage']));
    await expectRefused(f, [], /locked\.xlsx cannot be opened: it is protected with a password.*clear the password and save a copy/);
  });

  it('an Excel 97-2003 file saved with an .xlsx name', async () => {
    const f = join(dir, 'old.xlsx');
    writeFileSync(f, compoundFile(['Workbook']));
    await expectRefused(f, [], /old Excel 97-2003 \(\.xls\) file\. Open it in Excel and save it as an \.xlsx workbook/);
  });

  it('a sheet or table that is not there', async () => {
    const f = join(dir, 'book.xlsx');
    writeFileSync(f, await plainWorkbook('Orders', ROWS));
    await expectRefused(f, ['--sheet', 'Sales'], /Sales: book\.xlsx has no sheet named "Sales" \(sheets: "Orders"\)/);
    await expectRefused(f, ['--table', 'Orders2026'], /Orders2026: book\.xlsx has no table named "Orders2026" \(tables: none\)/);
  });

  it('a sheet without a header row', async () => {
    const f = join(dir, 'noheader.xlsx');
    writeFileSync(f, await plainWorkbook('Orders', ROWS.slice(1)));
    await expectRefused(f, [], /Orders!B1: the first row looks like data \(10 is not a column name\): Tierwise needs a header row/);
  });

  it('a CSV file opened with another separator: every line in one cell', async () => {
    const f = join(dir, 'packed.xlsx');
    writeFileSync(f, await plainWorkbook('Umsatz', [['Kunde;Umsatz'], ['1001;1.234,50'], ['1002;17,00']]));
    await expectRefused(f, [], /Umsatz!A1: the cell holds a whole line of a CSV file \("Kunde;Umsatz"\).*Data > From Text\/CSV and choose Semicolon/);
  });

  it('an empty workbook', async () => {
    const f = join(dir, 'empty.xlsx');
    writeFileSync(f, await plainWorkbook('Orders', []));
    await expectRefused(f, ['--sheet', 'Orders'], /Orders!A1: the range is empty: Tierwise needs a header row and at least one line/);
  });

  it('a workbook too large for memory: says its size and the limit', async () => {
    const f = join(dir, 'big.xlsx');
    const bytes = await plainWorkbook('Orders', ROWS);
    writeFileSync(f, bytes);
    const limit = bytes.length - 1;
    await expectRefused(f, [], new RegExp(`big\\.xlsx is ${(bytes.length / 2 ** 20).toFixed(1)} MB; Tierwise reads workbooks up to 0 MB in memory`), limit);
  });

  it('a workbook without a saved configuration and no --config', async () => {
    const f = join(dir, 'noconfig.xlsx');
    writeFileSync(f, await plainWorkbook('Orders', ROWS));
    const r = await cli(['segment', f, '--out', join(dir, 'noconfig-out.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/noconfig\.xlsx: the workbook holds no Tierwise configuration yet: give one with --config/);
  });

  it('keeps the extension that matches the workbook kind (.xlsm keeps its macros only as .xlsm)', async () => {
    const f = join(dir, 'macros.xlsm');
    writeFileSync(f, await plainWorkbook('Orders', ROWS));
    const r = await cli(['segment', f, '--config', config, '--out', join(dir, 'macros-out.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/name the output \.xlsm like the input, or Excel will refuse to open it/);
  });

  it('never writes over the input without --in-place', async () => {
    const f = join(dir, 'keep.xlsx');
    const bytes = await plainWorkbook('Orders', ROWS);
    writeFileSync(f, bytes);
    const r = await cli(['segment', f, '--config', config, '--out', f]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is the input workbook: Tierwise never overwrites it unless --in-place/);
    expect(readFileSync(f).equals(bytes)).toBe(true);
  });
});
