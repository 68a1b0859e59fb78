// Which executor segments a file: `--engine duckdb|js`, or the file's kind and size. Apart from the
// DuckDB run itself (duckdb-segment.ts), so a run on the engine does not load DuckDB (60 ms).
import { inputFileSize, isTextPath } from '../hosts/files/read';
import { isParquetPath } from '../sql/duckdb-source';
import { UsageError } from './common';

/**
 * A CSV above this size goes to DuckDB unless `--engine js` is given. 20 MB is about 400,000 lines of
 * an ordinary export: there the engine takes a couple of seconds, mostly parsing text, and DuckDB's start-up
 * (about 0.3 s) is paid back; below it the engine is as quick and is the reference. Measured in
 * docs/performance.md (issue 19).
 */
export const DUCKDB_CSV_BYTES = 20 * 2 ** 20;

export type EngineChoice = { engine: 'js' } | { engine: 'duckdb'; asked: boolean };

/**
 * Which executor: `--engine` when given (and possible for the file), else DuckDB for Parquet and for a CSV
 * above DUCKDB_CSV_BYTES written as text; the engine for everything else, workbooks written included
 * (their summary and history sheets come from the engine's result).
 */
export async function chooseEngine(input: string, engine: string | undefined, toWorkbook: boolean): Promise<EngineChoice> {
  if (engine !== undefined && engine !== 'duckdb' && engine !== 'js') throw new UsageError(`--engine is duckdb or js, not "${engine}"`);
  const parquet = isParquetPath(input);
  const csv = isTextPath(input);
  if (engine === 'js' && parquet) throw new UsageError(`${input} is a Parquet file: only DuckDB reads it (leave out --engine js)`);
  if (engine === 'duckdb' && !parquet && !csv) throw new UsageError(`--engine duckdb reads .csv and .parquet files; ${input} is read by the engine (leave out --engine duckdb)`);
  if (engine === 'duckdb') return { engine: 'duckdb', asked: true };
  if (engine === 'js') return { engine: 'js' };
  if (parquet) return { engine: 'duckdb', asked: true };
  if (csv && !toWorkbook && (await inputFileSize(input)) > DUCKDB_CSV_BYTES) return { engine: 'duckdb', asked: false };
  return { engine: 'js' };
}
