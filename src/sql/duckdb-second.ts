// The impure edge of the DuckDB path, part four: the ranges beside the sales lines (the questionnaire
// answers, the visits), read from their files by the engine's own reader, loaded into DuckDB as the
// tables the compiled query reads. They are small next to the lines (one row per answering or visit),
// so the engine's rules read them cell by cell here and DuckDB only receives the result: the answers
// as the engine's key text, the visit days as dates, every unreadable visit date reported as the engine
// reports it.
import { dateValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Config } from '../engine/config';
import { keyText } from '../engine/ingest';
import type { DateOrder } from '../engine/parse/date';
import { answersWithoutCustomer } from '../engine/profiles';
import { readVisitRows } from '../engine/visits';
import type { Issue, SourceTable } from '../engine/types';
import type { ColumnNames } from './compile';
import { appendRows, sqlIdent, tableHeader } from './duckdb-source';

/** The tables' names in DuckDB, as the compiled query is told them. */
export const ANSWERS_TABLE = 'tw_answers_file';
export const VISITS_TABLE = 'tw_visits_file';
/** The answers' row number (the file's order), so the last answer wins as in the engine. */
const ANSWER_ROW = '__answer_row';
/** The visits table's two columns: names the compiler finds as the customer and the visit date. */
export const VISITS_COLUMNS = ['Customer', 'Visit date'];

/** The answers table's columns, as the compiler is told them: the file's header made unique, then the row number. */
export const answersColumns = (table: SourceTable): ColumnNames => ({ header: [...tableHeader(table.header, ANSWER_ROW), ANSWER_ROW], lineOrder: ANSWER_ROW });

/** The answers file as the table ANSWERS_TABLE (every cell as the engine's trimmed text), and the engine's warnings about it. */
export async function loadAnswers(con: DuckDBConnection, table: SourceTable, config: Config): Promise<Issue[]> {
  const header = tableHeader(table.header, ANSWER_ROW);
  await con.run(`CREATE OR REPLACE TABLE ${sqlIdent(ANSWERS_TABLE)} (${[...header.map((h) => `${sqlIdent(h)} VARCHAR`), `${sqlIdent(ANSWER_ROW)} BIGINT`].join(', ')})`);
  await appendRows(con, ANSWERS_TABLE, table.rows, (appender, row, r) => {
    for (let c = 0; c < header.length; c++) appender.appendVarchar(keyText(row[c] ?? null));
    appender.appendBigInt(BigInt(r + 1));
  });
  return answersWithoutCustomer(table, config);
}

/**
 * The visits file as the table VISITS_TABLE (customer, day), read with the sales lines' day order as the
 * engine reads it; the visits whose date cannot be read are left out with the engine's warning.
 */
export async function loadVisits(con: DuckDBConnection, table: SourceTable, config: Config, dateOrder: DateOrder): Promise<Issue[]> {
  const { visits, issues } = readVisitRows(table, config, dateOrder);
  const [customer, date] = VISITS_COLUMNS.map(sqlIdent);
  await con.run(`CREATE OR REPLACE TABLE ${sqlIdent(VISITS_TABLE)} (${customer} VARCHAR, ${date} DATE)`);
  await appendRows(con, VISITS_TABLE, visits, (appender, v) => {
    appender.appendVarchar(v.customer);
    // The engine's days count from 1970-01-01, as DuckDB's do.
    appender.appendDate(dateValue(v.day));
  });
  return issues;
}
