// The DuckDB path's warnings about the kept lines as a whole, asked of the typed lines once the query has
// answered: customers named like totals, several currencies, a profit column of rates, credit notes
// written positive, dates centuries away, one customer spelled several ways, ids Excel changed
// (scientific notation, days). Each is the engine's own message function fed from a count; `afterLines`
// keeps the engine's order (ingest's keptLineNotes, then run.ts), which the differential test holds.
import type { DuckDBConnection } from '@duckdb/node-api';
import { creditNotesIssue } from '../engine/credit-notes';
import { currencyMixIssue } from '../engine/currency-mix';
import { customerIdNotes } from '../engine/customer-variants';
import { headerText } from '../engine/ingest';
import { namedLikeTotals, totalNameIssues } from '../engine/total-row';
import type { Issue } from '../engine/types';
import { fileRow, type TypedSales } from './duckdb-ingest';
import { sqlIdent, sqlText, type RawSource } from './duckdb-source';

/** The warnings after the lines', in the engine's order, for the answer's customers (`ids`, in its order). */
export async function afterLines(con: DuckDBConnection, raw: RawSource, typed: TypedSales, ids: readonly string[]): Promise<Issue[]> {
  const present = (i: Issue | undefined) => (i ? [i] : []);
  return [
    ...(await totalNames(con, raw, typed, ids)),
    ...(await currencyMix(con, raw, typed)),
    ...present(typed.profitRates),
    ...(await creditNotes(con, raw, typed)),
    ...present(typed.farDates),
    ...present(typed.lateDate),
    ...customerIdNotes(raw.table, typed.customerColumn, ids),
  ];
}

/**
 * The engine's warnings about customers named like totals (`Grand total`, `Summe`), for the customers
 * of the answer (`ids`, in its order, which is the engine's), at each one's first kept line.
 */
async function totalNames(con: DuckDBConnection, raw: RawSource, typed: TypedSales, ids: readonly string[]): Promise<Issue[]> {
  const named = namedLikeTotals(ids, typed.totalCustomer);
  if (named.length === 0) return [];
  const customer = sqlIdent(raw.header[typed.customerColumn]);
  // The subtotals' customers too: a subtotal is said only beside a customer with lines (the engine's ids).
  const asked = [...new Set(named.flatMap(({ id, of }) => (of === undefined ? [id] : [id, of])))];
  const found = await con.runAndReadAll(`SELECT ${customer}, min(tw_row), count(*) FROM tw_lines WHERE tw_kept AND tw_readable AND ${customer} IN (${asked.map(sqlText).join(', ')}) GROUP BY 1`);
  const lines = new Map((found.getRowsJS() as [string, bigint, bigint][]).map(([id, first, count]) => [id, { firstRow: fileRow(Number(first), typed.skipped), count: Number(count) }]));
  // A customer known only from an override has no line to point at.
  const seen = named.flatMap(({ id, of }) => (lines.has(id) && (of === undefined || lines.has(of)) ? [{ id, ...lines.get(id)!, of }] : []));
  return totalNameIssues(raw.table, seen, typed.customerColumn, headerText(raw.table.header, typed.customerColumn));
}

/** The engine's warning when the kept lines are in more than one currency (currencyMixIssue), from one count. */
async function currencyMix(con: DuckDBConnection, raw: RawSource, typed: TypedSales): Promise<Issue[]> {
  if (typed.currencyColumn < 0) return [];
  // Stored trimmed (a key column), as the engine's keyText reads it; a blank cell is no currency.
  const code = sqlIdent(raw.header[typed.currencyColumn]);
  const found = await con.runAndReadAll(`SELECT ${code}, count(*) FROM tw_lines WHERE tw_kept AND tw_readable AND coalesce(${code}, '') <> '' GROUP BY 1`);
  const counts = new Map((found.getRowsJS() as [string, bigint][]).map(([c, n]) => [c, Number(n)]));
  const issue = currencyMixIssue(raw.table, typed.currencyColumn, headerText(raw.table.header, typed.currencyColumn), counts);
  return issue ? [issue] : [];
}

/** The engine's warning when credit notes have positive amounts (creditNotesIssue), from one count per document type. */
async function creditNotes(con: DuckDBConnection, raw: RawSource, typed: TypedSales): Promise<Issue[]> {
  const amountColumn = typed.amountColumn;
  if (typed.documentTypeColumn < 0 || amountColumn < 0) return [];
  const type = sqlIdent(raw.header[typed.documentTypeColumn]);
  const amount = sqlIdent(raw.header[amountColumn]);
  const found = await con.runAndReadAll(
    `SELECT ${type}, count(*) FILTER (WHERE ${amount} > 0), count(*) FILTER (WHERE ${amount} < 0), coalesce(min(tw_row) FILTER (WHERE ${amount} > 0), -1) FROM tw_lines WHERE tw_kept AND tw_readable AND coalesce(${type}, '') <> '' GROUP BY 1`,
  );
  const perType = new Map(
    (found.getRowsJS() as [string, bigint, bigint, bigint][]).map(([t, positive, negative, first]) => [t, { positive: Number(positive), negative: Number(negative), firstPositive: first < 0 ? -1 : fileRow(Number(first), typed.skipped) }]),
  );
  const header = (c: number) => headerText(raw.table.header, c);
  const issue = creditNotesIssue(raw.table, typed.documentTypeColumn, header(typed.documentTypeColumn), amountColumn, header(amountColumn), perType);
  return issue ? [issue] : [];
}

