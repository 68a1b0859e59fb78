// The impure edge of the DuckDB path, part one: a sales file (CSV or Parquet) as a DuckDB relation with
// one column per header cell (`c0`, `c1`, ...), and what the engine needs to name its cells (the sheet
// name, the header row), so that a left-out line is named by its cell address as the engine names it.
// The CSV is read the way the JavaScript path reads it (src/hosts/files/read.ts): the same separator
// guess, the same header row (title lines above it skipped), every field as text; the typing happens
// afterwards, in duckdb-ingest.ts, with the engine's own rules.
import { createReadStream, createWriteStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { keyText } from '../engine/ingest';
import { isBlank } from '../engine/parse/number';
import type { Cell, SourceTable } from '../engine/types';
import { csvDialect, csvParsing, decodeText, formulaText, inputFileSize, MAX_FILE_BYTES, SourceError, unreadableCsv } from '../hosts/files/read';
import { MAX_TITLE_ROWS, sourceFromGrid } from '../plan/source-check';

/** `rows` appended to `table`, one `append` each (ending the row is done here); the appender closed even when appending fails. */
export async function appendRows<T>(con: DuckDBConnection, table: string, rows: Iterable<T>, append: (appender: DuckDBAppender, row: T, index: number) => void): Promise<void> {
  const appender = await con.createAppender(table);
  try {
    let index = 0;
    for (const row of rows) {
      append(appender, row, index++);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** How the file's cells arrive: text to be typed (CSV) or typed by the file (Parquet). */
export type ColumnKind = 'text' | 'number' | 'date' | 'timestamp' | 'other';

export interface RawSource {
  /** For addresses and messages: the sheet name the JavaScript path gives the file, its header and origin. */
  table: SourceTable;
  header: string[];
  kinds: ColumnKind[];
  /** The CSV's field separator; undefined for Parquet (its answer is written as plain CSV). */
  delimiter?: string;
  /**
   * The file the user named, and for a CSV its encoding: messages name it, and the blank-line scan and
   * the engine reader's second read (skippedLines) read it, never the UTF-8 copy DuckDB may be given.
   */
  path: string;
  encoding?: Encoding;
  /**
   * A CSV DuckDB reads as CRLF only (its first line ends in CRLF, and the reading is not `anyLineBreak`):
   * the blank-line scan then also looks for a lone CR, which such a reading gets wrong.
   */
  crlfOnly?: boolean;
  format: 'csv' | 'parquet';
  /**
   * A FROM clause giving the file's cells as columns c0, c1, ... (every one text for a CSV), and for
   * Parquet `tw_row` (the 0-based data row); a CSV's rows are numbered by the table they are stored in.
   * For a Windows-1252 or UTF-16 big-endian CSV it reads the file's UTF-8 copy (utf8Copy): the same lines, other bytes.
   */
  relation: string;
  /** Removes what reading the file left behind (a Windows-1252 or UTF-16 big-endian CSV's UTF-8 copy); called when the run ends, however it ends. */
  close(): Promise<void>;
}

/** The column of `sales` numbering the lines in the file's order (the sheet row), for compileSql's lineOrder. */
export const LINE_COLUMN = '__line';

/** The first bytes read to find the dialect and the header: enough for a title block and many lines. */
const HEAD_BYTES = 256 * 1024;
/** The records parsed from it: the rows titleRows looks through for a header, the header, and one line. */
const HEAD_RECORDS = MAX_TITLE_ROWS + 2;

export const isParquetPath = (path: string): boolean => extname(path).toLowerCase() === '.parquet';

/**
 * A header DuckDB can hold: each name once, none blank (`Column 3` for a blank one, `Region (2)` for the
 * second `Region`), none the column the caller adds (`reserved`). The first of two equal names keeps its
 * spelling, so a role or a question finds the column the engine finds (the first one headed so).
 */
export function tableHeader(header: readonly Cell[], reserved: string): string[] {
  const taken = new Set<string>();
  return header.map((h, c) => {
    const base = keyText(h) || `Column ${c + 1}`;
    let name = base;
    for (let k = 2; taken.has(name.toLowerCase()) || name === reserved; k++) name = `${base} (${k})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A string literal for DuckDB: quotes doubled, nothing else special. */
export const sqlText = (s: string): string => `'${s.replace(/'/g, "''")}'`;
export const sqlIdent = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * How a CSV is read: `windows1252` through its UTF-8 copy; `serial` by one thread (`parallel = false`),
 * since DuckDB's parallel reader refuses quoted line breaks (a cell typed with Alt+Enter in Excel) beside
 * the padding of short lines the engine's reading needs; `anyLineBreak` with a line ended at each of
 * CRLF, LF and a lone CR, as the engine and Excel end them (`new_line = '\n'`), for a file DuckDB would
 * read as CRLF only and that holds a lone CR (an old Mac file joined to a Windows one: read as CRLF only,
 * the line after the CR lost its first field; a file whose first line ends in a lone CR is read so from
 * the start). Each is asked for only after DuckDB refused the file, or the blank-line scan found the
 * lone CR (LoneCarriageReturn).
 */
export interface CsvReading {
  windows1252?: boolean;
  serial?: boolean;
  anyLineBreak?: boolean;
}

/** Thrown by skippedLines when a file read as CRLF only holds a lone CR: read it again with `anyLineBreak`. */
export class LoneCarriageReturn extends Error {
  constructor(path: string) {
    super(`${path}: a lone carriage return in a CRLF file`);
  }
}

/** What the file holds (its header, from the first lines only), and how DuckDB reads it. */
export async function describeSource(con: DuckDBConnection, path: string, options: CsvReading = {}): Promise<RawSource> {
  if (!isParquetPath(path)) return openCsv(path, options); // csvHead checks the file
  await inputFileSize(path);
  return openParquet(con, path);
}

/**
 * Whether a CSV that DuckDB was told is UTF-8 (its first 256 KB are) holds bytes that are not, further
 * down: then it is Windows-1252 throughout, as decodeText reads it, and the run is made again with its
 * UTF-8 copy. Asked only after DuckDB refused the file, so a file that is UTF-8 is never read twice.
 */
export async function lateWindows1252(path: string): Promise<boolean> {
  if (isParquetPath(path)) return false;
  const head = await readHead(path);
  return encodingOf(head) === 'utf-8' && !isUtf8(await readFile(path));
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The file's encoding, as decodeText decides it: UTF-16 by its byte order mark (little- or big-endian),
 * UTF-8 when the first bytes are valid UTF-8 (a multi-byte character cut by the end of the sample is
 * allowed), else Windows-1252. DuckDB reads UTF-8 and UTF-16 little-endian itself (its `utf-16`); a
 * big-endian or Windows-1252 file it is given as a UTF-8 copy (DuckDB's nearest to Windows-1252,
 * `latin-1`, refuses the bytes 0x80-0x9F: "File is not latin-1 encoded").
 */
type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

function encodingOf(head: Uint8Array): Encoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  let end = head.length;
  // Back off to the start of a line (after an LF, or an old Mac file's CR), so no character is cut.
  if (end === HEAD_BYTES) while (end > 0 && head[end - 1] !== 0x0a && head[end - 1] !== 0x0d) end--;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * A Windows-1252 or UTF-16 big-endian file (which DuckDB does not read) as UTF-8, decoded as decodeText
 * decodes it (iconv-lite), streamed (files go up to 512 MB) into a copy of the same name in a folder of
 * its own under the system's temporary folder; `remove` deletes the folder. Only the bytes change, so the
 * lines, their breaks and their fields are the file's. Nothing is left behind when the copy fails (a full
 * disk). Windows-1252 is decoded a megabyte at a time (one byte is one character, so no character is cut
 * between two reads): 160 MB/s, three times iconv-lite's decodeStream over Node's 64 KB reads; UTF-16,
 * whose characters a read may cut, through decodeStream (its byte order mark dropped, as decodeText does).
 */
async function utf8Copy(path: string, from: 'windows-1252' | 'utf-16be'): Promise<{ path: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'tierwise-'));
  const remove = () => rm(folder, { recursive: true, force: true });
  const copy = join(folder, basename(path));
  const toUtf8 =
    from === 'windows-1252'
      ? [new Transform({ transform: (chunk: Buffer, _, done) => done(null, Buffer.from(iconv.decode(chunk, 'windows-1252'), 'utf8')) })]
      : [iconv.decodeStream('utf-16be'), iconv.encodeStream('utf8')];
  try {
    await pipeline([createReadStream(path, { highWaterMark: 1 << 20 }), ...toUtf8, createWriteStream(copy)]);
  } catch (e) {
    await remove();
    throw e;
  }
  return { path: copy, remove };
}

/**
 * A CSV file's header found from its first 256 KB, as the JavaScript path finds it in the whole file
 * (the same separator guess, title lines above the header skipped and said): for DuckDB's reading of
 * the file, and for `tierwise sql --headers-from`. `table` has no rows.
 */
export async function csvHead(path: string): Promise<{ head: Uint8Array; decoded: string; table: SourceTable; delimiter: string; linesBefore: number }> {
  await inputFileSize(path); // a missing file or a folder, said as the engine's reader says it
  const head = await readHead(path);
  const complete = head.length < HEAD_BYTES;
  let decoded = decodeText(head);
  // The last line of a sample may be cut: only whole lines are parsed here (an old Mac file's end at a CR).
  if (!complete) decoded = decoded.slice(0, Math.max(decoded.lastIndexOf('\n'), decoded.lastIndexOf('\r')) + 1);
  const { text, delimiter, linesBefore } = csvDialect(decoded, extname(path).toLowerCase() === '.tsv' ? '\t' : undefined);
  let records: string[][];
  try {
    // Only the lines the header search looks at (a title block, then the header): parsing the whole
    // sample cost 50 ms a run, for nothing.
    records = parse(text, { ...csvParsing(delimiter, text), to: HEAD_RECORDS });
  } catch (e) {
    throw unreadableCsv(path, e, text, delimiter, linesBefore);
  }
  // Blank lines at the end of the file are no lines (as the JavaScript path reads them); a sample cut
  // short by HEAD_RECORDS ends where it was cut, not at the file's end.
  if (records.length < HEAD_RECORDS) while (records.length > 0 && records[records.length - 1].every(isBlank)) records.pop();
  if (records.length === 0) throw new SourceError(`${path} is empty: it needs a header row and at least one line`);
  // The same header row as the JavaScript path finds (title lines above it are skipped, and said).
  // `="00123"` as the text inside, as the engine's reader takes it (excelField), for the same header and title rows.
  const table = sourceFromGrid(basename(path).replace(/\.[^.]+$/, ''), 1, 0, records.map((r) => r.map((f) => formulaText(f) ?? f)), undefined);
  table.rows = [];
  table.delimiter = delimiter;
  return { head, decoded, table, delimiter, linesBefore };
}

async function openCsv(path: string, reading: CsvReading): Promise<RawSource> {
  const { windows1252 = false, serial = false } = reading;
  // `decoded`: the head's whole lines as text, Excel's separator line included (DuckDB's skip counts it).
  const { head, decoded, table, delimiter, linesBefore } = await csvHead(path);
  // The names `sales` gives the columns (the engine reads the file's own header, by position).
  const header = tableHeader(table.header, LINE_COLUMN);
  // The file's lines above the header: Excel's separator line, which no row counts, and the title rows.
  // With `new_line = '\n'` DuckDB's `skip` counts each CR and each LF as a line end (CRLF twice).
  const above = linesBefore + table.origin.row - 1;
  const encoding = windows1252 ? 'windows-1252' : encodingOf(head);
  // DuckDB ends its lines at the kind the file's first line ends with. An LF file's other kinds are read
  // right; a CR file's CRLF lines lost the next line's first character (the differential test found
  // it), so a CR file (an old Mac's, rare) is read with every line break from the start; a CRLF file only
  // when the scan finds a lone CR in it (crlfOnly), keeping DuckDB's own line count for the rest.
  const firstBreak = /\r\n|\n|\r/.exec(decoded)?.[0];
  const anyLineBreak = reading.anyLineBreak === true || firstBreak === '\r';
  const crlfOnly = !anyLineBreak && firstBreak === '\r\n';
  const skip = anyLineBreak ? lineBreakCharacters(decoded, above) : above;
  const columns = header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  // Last, so nothing after it can fail and leave the copy behind: everything before read the file itself.
  const copy = encoding === 'windows-1252' || encoding === 'utf-16be' ? await utf8Copy(path, encoding) : undefined;
  // Every field as text (typed afterwards by the engine's rules); ragged lines padded or cut as csv-parse's
  // relax_column_count reads them; a quote inside an unquoted field is a character (strict_mode off).
  const relation = `read_csv(${sqlText(copy?.path ?? path)}, auto_detect = false, header = true, skip = ${skip}, delim = ${sqlText(delimiter)}, quote = '"', escape = '"',
    encoding = ${sqlText(encoding === 'utf-16le' ? 'utf-16' : 'utf-8')}, columns = {${columns}}, null_padding = true, strict_mode = false${serial ? ', parallel = false' : ''}${anyLineBreak ? ", new_line = '\\n'" : ''})`;
  const close = copy?.remove ?? (async () => undefined);
  return { table, header, kinds: header.map(() => 'text'), delimiter, format: 'csv', relation, path, encoding, crlfOnly, close };
}

/** The CR and LF characters that end the first `lines` lines of `text` (CRLF, LF or a lone CR each). */
export function lineBreakCharacters(text: string, lines: number): number {
  let characters = 0;
  const ends = /\r\n|\n|\r/g;
  for (let n = 0, end = ends.exec(text); n < lines && end; n++, end = ends.exec(text)) characters += end[0].length;
  return characters;
}

function kindOf(type: string): ColumnKind {
  const t = type.toUpperCase();
  if (t === 'VARCHAR' || t.startsWith('VARCHAR')) return 'text';
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/.test(t)) return 'number';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  return 'other';
}

async function openParquet(con: DuckDBConnection, path: string): Promise<RawSource> {
  const described = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sqlText(path)})`);
  const rows = described.getRowObjectsJS() as { column_name: string; column_type: string }[];
  const names = rows.map((r) => r.column_name);
  const header = tableHeader(names, LINE_COLUMN);
  const kinds = rows.map((r) => kindOf(r.column_type));
  const select = names.map((h, i) => `${sqlIdent(h)} AS c${i}`).join(', ');
  // Parquet knows its rows' order: file_row_number is the data row.
  const relation = `(SELECT file_row_number AS tw_row, ${select} FROM read_parquet(${sqlText(path)}, file_row_number = true))`;
  const table: SourceTable = { sheet: basename(path).replace(/\.[^.]+$/, ''), header: names, rows: [], origin: { row: 1, column: 0 } };
  return { table, header, kinds, format: 'parquet', relation, path, close: async () => undefined };
}

/**
 * The lines DuckDB's CSV reader skips and the engine counts as rows, all of them blank (`blank`), and
 * whether `="` is in the file (`formulaText`); undefined for a file that is not a CSV. The blank lines
 * are lines holding nothing, or nothing but carriage returns. `rows` are their data rows (0 = the first
 * below the header) up to the last line with data (blank lines after it are no rows to the engine
 * either); `read` counts the data lines DuckDB reads, for the caller to check that both count alike.
 * `blank` is undefined when the file has no such line, which a scan of its bytes tells (every file pays
 * that scan: 20 ms for 60 MB, which also looks for `="`); only then is the file read again by the
 * engine's own CSV reader (csv-parse as csvParsing has it read), to tell a blank line from one inside a
 * quoted field. Undefined too for a file above the engine's MAX_FILE_BYTES, whose addresses below a
 * blank line stay DuckDB's (docs/sql.md).
 * Both reads are of the file the user named (its size is the one the engine's limit counts), also when
 * DuckDB reads a Windows-1252 file's UTF-8 copy: the copy has the same lines and line breaks, and no
 * byte offset crosses from one file to the other (the scan only asks whether a pattern is there).
 * Throws the engine reader's refusal (a SourceError) when that reader refuses the file.
 */
export async function skippedLines(raw: RawSource): Promise<ScannedLines | undefined> {
  if (raw.format !== 'csv') return undefined;
  const scan = await scanLineBreaks(raw.path, raw.encoding ?? 'utf-8', raw.crlfOnly ?? false);
  if (scan.loneCr) throw new LoneCarriageReturn(raw.path);
  const { formulaText: hasFormulaText } = scan;
  if (!scan.blankLine) return { blank: undefined, formulaText: hasFormulaText };
  if ((await inputFileSize(raw.path)) > MAX_FILE_BYTES) return { blank: undefined, formulaText: hasFormulaText };
  const headerRecord = raw.table.origin.row - 1;
  const skipped: number[] = [];
  let index = 0;
  let read = 0;
  let lastData = -1;
  // Without Excel's separator line, as the engine's reader reads the file (its header row is counted without it).
  const { text, linesBefore } = csvDialect(decodeText(await readFile(raw.path)), raw.delimiter);
  try {
    parse(text, {
      ...csvParsing(raw.delimiter, text),
      raw: true,
      // With `raw`, csv-parse hands each record with its text (its types do not say so).
      on_record: (r) => {
        const { record, raw: line } = r as unknown as { record: string[]; raw: string };
        const row = index++ - headerRecord - 1;
        if (row < 0) return null;
        if (/^\r*\n?$/.test(line)) skipped.push(row);
        else read++;
        if (!record.every(isBlank)) lastData = row;
        return null;
      },
    });
  } catch (e) {
    // Refused as the engine's reader refuses it (a quote never closed below the lines read for the header).
    throw unreadableCsv(raw.path, e, text, raw.delimiter, linesBefore);
  }
  return { blank: { rows: skipped.filter((r) => r < lastData), read }, formulaText: hasFormulaText };
}

/**
 * What the scan of a CSV's bytes found: its blank lines (skippedLines), and whether `="` is anywhere in it
 * (`formulaText`: a field may be `="00123"`, which Excel and the engine read as the text inside; the
 * DuckDB path then reads its fields so, duckdb-ingest.ts).
 */
export interface ScannedLines {
  blank: { rows: number[]; read: number } | undefined;
  formulaText: boolean;
}

/** How much of the file one read of the blank-line scan takes (after the bytes kept from the read before). */
export const SCAN_BYTES = 1 << 22;

/**
 * What the bytes hold, in the file's encoding: a line break followed by another or by a carriage return
 * (`blankLine`: `\r\r` is an old Mac file's blank line, or a lone CR before a CRLF, two line ends), and
 * when `lookForLoneCr`, a CR not followed by an LF (`loneCr`), and `="` (`formulaText`). Stops as soon as
 * it has found what it looks for.
 */
async function scanLineBreaks(path: string, encoding: Encoding, lookForLoneCr: boolean): Promise<{ blankLine: boolean; loneCr: boolean; formulaText: boolean }> {
  const bytesOf = (p: string) => (encoding === 'utf-16le' ? Buffer.from(p, 'utf16le') : encoding === 'utf-16be' ? Buffer.from(p, 'utf16le').swap16() : Buffer.from(p));
  const patterns = ['\n\n', '\n\r', '\r\r'].map(bytesOf);
  const [cr, lf, formula] = [bytesOf('\r'), bytesOf('\n'), bytesOf('="')];
  // One buffer, read into again and again (the scan runs beside DuckDB's typing, and takes its CPU: no
  // new buffer per read, no copy but the few bytes a pattern may span across two reads).
  const edge = patterns[0].length - 1;
  const buffer = Buffer.allocUnsafe(edge + SCAN_BYTES);
  const found = { blankLine: false, loneCr: false, formulaText: false };
  const file = await open(path, 'r');
  try {
    let kept = 0;
    while (!found.blankLine || (lookForLoneCr && !found.loneCr) || !found.formulaText) {
      const { bytesRead } = await file.read(buffer, kept, buffer.length - kept, null);
      if (bytesRead === 0) break;
      const bytes = buffer.subarray(0, kept + bytesRead);
      found.blankLine ||= patterns.some((p) => bytes.includes(p));
      found.formulaText ||= bytes.includes(formula);
      // An index loop (5 ms for 58 MB of CRLF lines); a CR at the buffer's end is judged after the next read.
      if (lookForLoneCr && !found.loneCr) {
        for (let i = bytes.indexOf(cr); i >= 0 && i + cr.length + lf.length <= bytes.length; i = bytes.indexOf(cr, i + cr.length)) {
          if (bytes.compare(lf, 0, lf.length, i + cr.length, i + cr.length + lf.length) !== 0) {
            found.loneCr = true;
            break;
          }
        }
      }
      kept = Math.min(edge, bytes.length);
      bytes.copy(buffer, 0, bytes.length - kept);
    }
    return found;
  } finally {
    await file.close();
  }
}
