// DuckDB's answer as the command line's columns, read straight from the chunks' memory.
//
// Why not the library's getColumnsJS: for the 50,000 customers of the bench file it took 0.10 to 0.14 s,
// most of it one small Uint8Array and one TextDecoder call per string. The two types nearly every answer
// column has, DOUBLE and VARCHAR, are read here from the vectors' bytes through @duckdb/node-bindings (the
// layer @duckdb/node-api itself reads them with; the layout is DuckDB's C API: a double per row, a
// 16-byte duckdb_string_t per row with strings of up to 12 bytes inline, a validity bit per row). Every
// other type goes through the library's own converter. test/sql/duckdb-columns.test.ts holds both equal.
import { endianness } from 'node:os';
import duckdb from '@duckdb/node-bindings';
import { DuckDBTypeId, JSDuckDBValueConverter, type DuckDBDataChunk, type DuckDBResult } from '@duckdb/node-api';

/** One output column: its header and its values (numbers, text, dates as YYYY-MM-DD text, null for blank). */
export interface DuckdbColumn {
  header: string;
  values: (string | number | null)[];
  /** The values are days (YYYY-MM-DD), for a workbook to write as dates. */
  date: boolean;
}

type Value = string | number | null;

/** The bytes are read as the machine lays them out; the fast paths assume little-endian (x64, arm64). */
const LITTLE_ENDIAN = endianness() === 'LE';

/** Every chunk of `result`, each column read by its type. */
export async function readColumns(result: DuckDBResult): Promise<DuckdbColumn[]> {
  const types = result.columnTypes().map((t) => t.typeId);
  const columns: DuckdbColumn[] = result.columnNames().map((header) => ({ header, values: [], date: false }));
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const rows = chunk.rowCount;
    columns.forEach((column, c) => {
      const type = LITTLE_ENDIAN ? types[c] : DuckDBTypeId.INVALID;
      if (type === DuckDBTypeId.DOUBLE) readDoubles(chunk, c, rows, column.values);
      else if (type === DuckDBTypeId.VARCHAR) readStrings(chunk, c, rows, column.values);
      else readConverted(chunk, c, column);
    });
  }
  return columns;
}

/** Row `row` is valid (not NULL): its bit in the validity mask. No mask (the binding gives null, though typed otherwise) means every row is. */
const valid = (mask: Uint8Array | null | undefined, row: number) => !mask || (mask[row >> 3] & (1 << (row & 7))) !== 0;

function readDoubles(chunk: DuckDBDataChunk, c: number, rows: number, out: Value[]): void {
  const vector = duckdb.data_chunk_get_vector(chunk.chunk, c);
  const bytes = duckdb.vector_get_data(vector, rows * 8);
  const mask = duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8);
  const doubles = new Float64Array(bytes.buffer, bytes.byteOffset, rows);
  for (let r = 0; r < rows; r++) out.push(valid(mask, r) ? doubles[r] : null);
}

function readStrings(chunk: DuckDBDataChunk, c: number, rows: number, out: Value[]): void {
  const vector = duckdb.data_chunk_get_vector(chunk.chunk, c);
  const bytes = duckdb.vector_get_data(vector, rows * 16);
  const mask = duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let r = 0; r < rows; r++) {
    if (!valid(mask, r)) {
      out.push(null);
      continue;
    }
    const at = r * 16;
    const length = data.readUInt32LE(at);
    if (length <= 12) {
      out.push(inlineText(data, at + 4, at + 4 + length));
    } else {
      // Longer strings live in DuckDB's heap: the binding copies them out by the pointer at bytes 8-15.
      const held = duckdb.get_data_from_pointer(bytes.buffer as ArrayBuffer, bytes.byteOffset + at + 8, length);
      out.push(Buffer.from(held.buffer, held.byteOffset, length).toString('utf8'));
    }
  }
}

/** A short string kept in the row itself: ASCII as Latin-1 (one byte, one character, no decoder), else UTF-8. */
function inlineText(data: Buffer, start: number, end: number): string {
  for (let i = start; i < end; i++) if (data[i] > 0x7f) return data.toString('utf8', start, end);
  return data.toString('latin1', start, end);
}

/** Any other type by the library's converter: whole numbers as numbers, days as YYYY-MM-DD (the column marked as dates). */
function readConverted(chunk: DuckDBDataChunk, c: number, column: DuckdbColumn): void {
  for (const v of chunk.convertColumnValues(c, JSDuckDBValueConverter)) {
    if (v === null || v === undefined) column.values.push(null);
    else if (typeof v === 'number' || typeof v === 'string') column.values.push(v);
    else if (typeof v === 'bigint') column.values.push(Number(v));
    else if (v instanceof Date) {
      column.date = true;
      column.values.push(v.toISOString().slice(0, 10));
    } else column.values.push(String(v));
  }
}
