// The impure edge of the DuckDB path, part two: `tw_raw` (duckdb-source.ts) typed into the view `sales`
// that the compiled query reads, with the engine's rules and the engine's words (SEMANTICS.md 1).
//
// Why a hybrid: the engine reads numbers and dates with a hand-written parser (currency symbols, groups,
// parentheses, month names in seven languages, serials). Writing it again in SQL would make two parsers
// that drift apart. So the common shapes (`1234.50`, `2017-03-05`) are typed by DuckDB with a strict
// pattern that the engine reads the same way, and every other distinct text of a column goes once
// through the engine's own readNumber / readDate; DuckDB joins the answers back. A file of plain numbers
// and ISO dates (nearly all of them) never leaves DuckDB; a file of `€ 1.234,50` costs one call per
// distinct text. The lines left out are found with TRY_CAST and the answers, then explained by the
// engine's ingest itself (run on those rows only), so the messages, addresses and count are the engine's.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Config } from '../engine/config';
import { columnIndex, sourceCellAddress } from '../engine/address';
import { blankRowsNote, chooseDateOrder, decimalNote, groupedLayoutNote, headerText, ingest, keyText, noLinesProblem, typeReads } from '../engine/ingest';
import { totalRowIssue, type EndLine } from '../engine/total-row';
import { columnNamed, currencyColumn, documentTypeColumn } from '../engine/parse/headers';
import { LARGE_SALE, profitRateIssue } from '../engine/rate-column';
import { FAR_DAY, farDatesIssue } from '../engine/far-dates';
import { unreadOnlyNote } from '../engine/unread-columns';
import { unmatchedFilterIssues, unmatchedValues } from '../engine/filter-values';
import { epochDayToIso, isoTextToEpochDay, readDate, type DateOrder } from '../engine/parse/date';
import { lateDateIssue, type LatestDates } from '../engine/late-date';
import { detectDecimalCounted, isBlank, readNumber, unprovenDecimal, type DecimalEvidence, type DecimalSeparator } from '../engine/parse/number';
import type { Cell, ColumnMapping, Issue, SourceTable } from '../engine/types';
import { excelField } from '../hosts/files/read';
import { appendRows, LINE_COLUMN, LoneCarriageReturn, skippedLines, sqlIdent, sqlText, type RawSource } from './duckdb-source';
import { blankSql, EITHER_NUMBER, formulaTextSql, isError, ISO_DAY, LOCALE_DATE, plainNumber, trimmedSql } from './duckdb-text';

export interface TypedSales {
  ok: true;
  /** Left-out lines (engine messages and addresses), then notes about the whole file. */
  issues: Issue[];
  /** Lines kept: read, and not dropped by a filter. */
  lineCount: number;
  leftOutRows: number;
  filteredRows: number;
  decimal: DecimalSeparator;
  decimalProven: boolean;
  date1904: boolean;
  /** The day order text dates were read with (the engine's Ingested.dateOrder): a visits file is read with it too. */
  dateOrder: DateOrder;
  /** The header names of `sales`: the file's own, made unique and non-blank (tableHeader), without LINE_COLUMN. */
  header: string[];
  /** The customer column, and the blank lines DuckDB skipped (data rows, for the file's addresses). */
  customerColumn: number;
  /** The amount column; -1 when none is mapped. */
  amountColumn: number;
  skipped: readonly number[];
  /** The customer of the line the total-row check pointed at, which the names check leaves alone. */
  totalCustomer: string | undefined;
  /** The column headed like a currency (currencyColumn), stored trimmed for the currencies' count; -1 without one. */
  currencyColumn: number;
  /** The column headed like a document type (documentTypeColumn), stored trimmed for the credit notes' count; -1 without one. */
  documentTypeColumn: number;
  /** The engine's warning when the profit column holds rates (profitRateIssue), said after the currencies. */
  profitRates: Issue | undefined;
  /** The engine's warning when kept lines are dated in 2200 or later (farDatesIssue), said after the credit notes. */
  farDates: Issue | undefined;
  /** The engine's warning when the latest date lies more than a year after the one before it (lateDateIssue), said after those. */
  lateDate: Issue | undefined;
  /**
   * The latest date of `sales` (YYYY-MM-DD, as DuckDB writes a DATE), undefined without one: the
   * window's default end. Counted with the lines, so the run does not read the file again for it.
   */
  latestDay: string | undefined;
}

/** Which columns play which part, from the engine's mapping of the header. */
interface Plan {
  raw: RawSource;
  customer: number;
  /** amount, profit (or cost), quantity, spent: read as numbers. */
  numbers: number[];
  date: number | undefined;
  /** order, product, category, customer name: a line whose cell is an Excel error value is left out. */
  textChecked: number[];
  /** Compared as trimmed text: the customer, the checked text columns, the filters' columns. */
  keys: Set<number>;
  /** The filters as one SQL condition over the trimmed key columns (tw_k<c>). */
  filters: string;
  /** Per filter, the listed value a line holds, else NULL (stored as tw_f<i>): which values some row holds. */
  filterSeen: string[];
  /** Read from the stored table (a CSV, or a Parquet file with numbers or dates written as text), or typed as read (a view). */
  stored: boolean;
  /**
   * The columns the query reads: keys, numbers, the date, the customer's name and what a segment type
   * reads (typeReads). The others are not stored (strings are what a stored million lines cost most);
   * the view gives them as NULL.
   */
  kept: Set<number>;
}

/** order, product, category, customer name: the text columns whose Excel error values leave a line out. */
const checkedText = (m: ColumnMapping): number[] => [m.order, m.product, m.category, m.customerName].filter((c): c is number => c !== undefined && c !== m.customer);

/**
 * The columns `sales` gives as trimmed text (the customer, the checked text columns, the filters'
 * columns): their headers are ColumnNames.trimmed for compileSql, so the query does not trim them again.
 */
export function keyColumns(header: string[], m: ColumnMapping, config: Config): Set<number> {
  return new Set([m.customer!, ...checkedText(m), ...config.filters.map((f) => columnNamed(header, f.column)), ...notedColumns(header)].filter((c) => c >= 0));
}

/** The columns the checks after the lines count by their trimmed text: a currency's, a document type's. */
const notedColumns = (header: readonly string[]): number[] => [currencyColumn(header), documentTypeColumn(header)].filter((c) => c >= 0);

const header = (p: Plan, c: number) => sqlIdent(p.raw.header[c]);
/** A column's cells as the trimmed text the engine compares (keyText), from the file's relation. */
const keySql = (p: Plan, c: number) => (p.raw.kinds[c] === 'text' ? trimmedSql(`c${c}`) : `CAST(c${c} AS VARCHAR)`);
/** The key columns trimmed (tw_k<c>), as the filters read them. */
const trimmedKeys = (p: Plan) => [...p.keys].map((c) => `${keySql(p, c)} AS tw_k${c}`);
/** A cell as text: a CSV's as it is, a Parquet column's cast. */
const textOf = (p: Plan, c: number) => (p.raw.kinds[c] === 'text' ? `c${c}` : `CAST(c${c} AS VARCHAR)`);
/** Typed by the file (Parquet numbers, dates and timestamps), not by the patterns. */
const typedByFile = (p: Plan, c: number) => p.raw.kinds[c] === 'number' || p.raw.kinds[c] === 'date' || p.raw.kinds[c] === 'timestamp';

/**
 * Types the file into the view `sales` that the compiled query reads, with the engine's rules for
 * `config`; lists the left-out lines as the engine does. `{ ok: false }` with the engine's issues when a
 * required column is missing.
 */
/** `textColumns`: the headers of the columns the compiled query also reads as text (compileSql's answer). */
export async function typeSales(con: DuckDBConnection, raw: RawSource, config: Config, textColumns: readonly string[] = []): Promise<TypedSales | { ok: false; issues: Issue[] }> {
  // The engine on the header alone: the column roles, and every mapping problem in its words.
  const shape = ingest({ ...raw.table, rows: [] }, config);
  if (!shape.usable) return { ok: false, issues: shape.issues };
  const issues: Issue[] = shape.issues.filter((i) => i.row === undefined);
  const m = shape.mapping;
  const numbers = [m.amount, m.profit, m.profit === undefined ? m.cost : undefined, m.quantity, m.spent].filter((c): c is number => c !== undefined);
  const textChecked = checkedText(m);
  const filterColumns = config.filters.map((f) => columnNamed(raw.header, f.column));
  const keys = keyColumns(raw.header, m, config);
  const currency = currencyColumn(raw.header);
  const documentType = documentTypeColumn(raw.header);
  const filterList = (f: Config['filters'][number]) => (f.in ?? f.notIn ?? []).map(sqlText).join(', ');
  const filterValue = (i: number) => `coalesce(tw_k${filterColumns[i]}, '')`;
  const kept = config.filters.map((f, i) => {
    const list = filterList(f);
    return list === '' ? (f.in ? 'false' : 'true') : `${filterValue(i)} ${f.in ? 'IN' : 'NOT IN'} (${list})`;
  });
  const filterSeen = config.filters.map((f, i) => (filterList(f) === '' ? 'CAST(NULL AS VARCHAR)' : `CASE WHEN ${filterValue(i)} IN (${filterList(f)}) THEN ${filterValue(i)} END`));
  const typedRoles = typedColumns({ numbers, date: m.date });
  const read = new Set(config.segmentTypes.flatMap(typeReads));
  // The columns loyalty rules compare and profiles ask of the sales lines (kept as they are; the compiled query trims them).
  const asText = textColumns.map((h) => raw.header.indexOf(h)).filter((c) => c >= 0);
  const plan: Plan = {
    raw,
    customer: m.customer!,
    numbers,
    date: m.date,
    textChecked,
    keys,
    filters: kept.length > 0 ? kept.join(' AND ') : 'true',
    filterSeen,
    kept: new Set([m.customer!, ...numbers, ...filterColumns, ...asText, ...notedColumns(raw.header), ...[m.date, m.customerName, ...[...read].map((role) => m[role])].filter((c): c is number => c !== undefined)]),
    stored: raw.format === 'csv' || typedRoles.some((c) => !typedByFile({ raw } as Plan, c)),
  };
  const date1904 = config.locale.date1904 ?? false;

  const setting = config.locale.decimal;
  // The blank lines DuckDB skips and the engine counts: looked for while DuckDB types the lines, so its
  // failure (the engine's reader refusing the file) is marked handled now and thrown where it is awaited.
  const skipping = skippedLines(raw);
  skipping.catch(() => undefined);
  try {
    await storeLines(con, plan, setting === ',' ? ',' : '.');
  } catch (e) {
    // DuckDB reading a CRLF file as CRLF only may fail on a lone CR in it (a field cut inside a
    // character: "Invalid unicode"): the scan's finding, which reads the file again, comes first.
    const found = await skipping.then(
      () => undefined,
      (s: unknown) => (s instanceof LoneCarriageReturn ? s : undefined),
    );
    throw found ?? e;
  }
  const scanned = await skipping;
  if (scanned?.formulaText) {
    // `="00123"` somewhere in the file (the scan saw `="`): the fields are read again as Excel reads them,
    // the text inside, before anything is counted.
    plan.raw = { ...raw, relation: formulaTextRelation(plan) };
    await storeLines(con, plan, setting === ',' ? ',' : '.');
  }
  // The lines stored, and the last with data: blank lines after it are no rows to the engine (its
  // reader drops them), so they are not filtered, not left out, not in a note, not in a column's range.
  const rowNumber = plan.stored && raw.format === 'csv' ? 'rowid' : 'tw_row';
  const storedCounts = (await con.runAndReadAll(`SELECT count(*), coalesce(max(${rowNumber}) FILTER (WHERE NOT tw_blank_line), -1) FROM tw_typed`)).getRowsJS()[0] as bigint[];
  const [stored, lastData] = storedCounts.map(Number);
  if (lastData < 0) return { ok: false, issues: [...issues, noLinesProblem(raw.table)] };
  // Only when both count the same lines (a lone carriage return inside a line would part them).
  const blankLines = scanned?.blank;
  const skipped = blankLines !== undefined && blankLines.read === stored ? blankLines.rows : [];
  // The rows the engine counts, for the range of a note about a whole column.
  const rows = lastData + 1 + skipped.length;
  // To the engine a blank line is a row of empty cells: dropped by the filters (counted as such) when
  // they drop such a row, else skipped with a note. Asked of the engine itself, on one such row.
  const blankFiltered = skipped.length > 0 && ingest({ ...raw.table, rows: [raw.header.map(() => '')] }, config).filteredRows === 1;
  const blankNoted = blankFiltered ? [] : skipped;
  const filterNotes = await unmatchedFilters(con, plan, config, `${rowNumber} <= ${lastData}`, skipped.length > 0);
  const decimalNotes: Issue[] = [];
  const orderNotes: Issue[] = [];
  let decimal: { decimal: DecimalSeparator; proven: boolean } = { decimal: setting === ',' ? ',' : '.', proven: setting !== 'auto' };
  if (setting === 'auto') {
    decimal = await chooseDecimal(con, plan, rows, decimalNotes);
    // Read with a point first (nearly every file); a file that proves a decimal comma is read again with it.
    if (decimal.decimal === ',') await storeLines(con, plan, ',');
  }
  const dateOrder = m.date !== undefined ? await chooseOrder(con, plan, config, rows, orderNotes) : 'MDY';
  await answerOddCells(con, plan, decimal.decimal, dateOrder, date1904);

  const readable = readableSql(plan, (c) => header(plan, c));
  await con.run(`CREATE OR REPLACE TEMP VIEW tw_lines AS SELECT ${rowNumber} AS tw_row, *, ${readable} AS tw_readable FROM tw_typed`);
  // One pass for every count the run needs (for a Parquet file each query reads the file again): the
  // lines a filter drops, the lines read, the lines left out, and the latest date of what `sales` holds.
  const inSales = (l: string) => `(${l}tw_kept AND ${l}tw_readable) OR (NOT ${l}tw_kept AND ${l}tw_customer_ok)`;
  const latest = m.date !== undefined ? `CAST(max(${header(plan, m.date)}) FILTER (WHERE ${inSales('')}) AS VARCHAR)` : 'NULL';
  // And what the engine's total-row check needs of the kept lines: their amounts' sum, the first and the last.
  const amount = m.amount !== undefined ? header(plan, m.amount) : 'NULL';
  const customer = header(plan, m.customer!);
  const overKept = (aggregate: string) => `${aggregate} FILTER (WHERE tw_kept AND tw_readable)`;
  const ends = [`sum(${amount})`, 'min(tw_row)', 'max(tw_row)'].map(overKept);
  // And the profit column's figures for the rates check (profitRateIssue), when one is mapped.
  const profit = m.profit !== undefined && m.amount !== undefined ? header(plan, m.profit) : undefined;
  const rates = profit ? [`${profit} <> 0`, `abs(${profit}) > 1`, `abs(${amount}) > ${LARGE_SALE}`].map((c) => `count(*) FILTER (WHERE tw_kept AND tw_readable AND ${c})`) : [];
  // And the kept lines dated centuries away (farDatesIssue): how many, and the latest.
  const far = m.date !== undefined ? `tw_kept AND tw_readable AND ${header(plan, m.date)} >= DATE '${epochDayToIso(FAR_DAY)}'` : undefined;
  const farCounts = far ? [`count(*) FILTER (WHERE ${far})`, `CAST(max(${header(plan, m.date!)}) FILTER (WHERE ${far}) AS VARCHAR)`] : [];
  const counts = await con.runAndReadAll(
    `SELECT count(*) FILTER (WHERE NOT tw_kept), count(*) FILTER (WHERE tw_kept AND tw_readable), count(*) FILTER (WHERE tw_kept AND NOT tw_readable), ${latest}, ${[...ends, ...rates, ...farCounts].join(', ')} FROM tw_lines`,
  );
  const answer = counts.getRowsJS()[0];
  const [filteredAll, lineCount, unreadableAll] = (answer.slice(0, 3) as bigint[]).map(Number);
  const latestDay = answer[3] as string | null;
  const [sum, firstRow, lastRow] = answer.slice(4, 7).map(Number);
  const [nonZero, beyondOne, largeSales] = answer.slice(7, 7 + rates.length).map(Number);
  const profitRates = profit ? profitRateIssue(raw.table, m.profit!, headerText(raw.table.header, m.profit!), headerText(raw.table.header, m.amount!), { lines: lineCount, nonZero, beyondOne, largeSales }) : undefined;
  const farDates = far ? farDatesIssue(raw.table, m.date!, headerText(raw.table.header, m.date!), Number(answer[7 + rates.length]), String(answer[8 + rates.length] ?? '')) : undefined;
  const lateDate = latestDay !== null ? lateDateIssue(raw.table, m.date!, await latestDates(con, header(plan, m.date!), latestDay, inSales(''), skipped)) : undefined;
  let total: ReturnType<typeof totalRowIssue>;
  if (m.amount !== undefined && lineCount > 0) {
    // The two lines themselves, picked by their row (cheaper than carrying them through the pass above);
    // in the stored table one `rowid =` each, which DuckDB looks up instead of scanning (2 ms, not 9).
    const pick = (row: number) => `SELECT ${rowNumber}, ${amount}, ${customer} FROM ${rowNumber === 'rowid' ? 'tw_typed' : 'tw_lines'} WHERE ${rowNumber} = ${row}`;
    const two = (await con.runAndReadAll(`${pick(firstRow)} UNION ALL ${pick(lastRow)}`)).getRowsJS() as [bigint, number, string][];
    const endLine = (row: number): EndLine => {
      const line = two.find((r) => Number(r[0]) === row)!;
      return { amount: line[1], customer: line[2], row: fileRow(row, skipped) };
    };
    total = totalRowIssue(raw.table, { count: lineCount, sum, first: endLine(firstRow), last: endLine(lastRow) }, m.amount, headerText(raw.table.header, m.amount));
  }
  let [filteredStored, unreadable] = [filteredAll, unreadableAll];
  if (stored - 1 > lastData) {
    const after = (
      await con.runAndReadAll(`SELECT count(*) FILTER (WHERE NOT tw_kept), count(*) FILTER (WHERE tw_kept AND NOT tw_readable) FROM tw_lines WHERE tw_row > ${lastData}`)
    ).getRowsJS()[0] as bigint[];
    filteredStored -= Number(after[0]);
    unreadable -= Number(after[1]);
  }
  const filteredRows = filteredStored + (blankFiltered ? skipped.length : 0);
  const left = unreadable > 0 || blankNoted.length > 0 ? await leftOut(con, plan, config, decimal.decimal, dateOrder, rows, lastData, skipped, blankNoted) : { issues: [], count: 0 };
  // What the compiled query reads: every line with a usable customer. The kept readable lines; the lines
  // a filter drops (their dates still set the default window end, SEMANTICS.md 2); and the left-out
  // lines, which the query itself tells unreadable and counts only where the engine does: a customer is
  // listed at its first line, left out or not. A line left out for an error value in a text column has
  // every number, so its amount is given as NULL to make it unreadable to the query too.
  const columns = raw.header.map((h, c) => {
    if (!plan.kept.has(c)) return `CAST(NULL AS VARCHAR) AS ${sqlIdent(h)}`;
    return c === m.amount && plan.textChecked.length > 0 ? `CASE WHEN NOT l.tw_text_bad THEN l.${sqlIdent(h)} END AS ${sqlIdent(h)}` : `l.${sqlIdent(h)}`;
  });
  await con.run(`CREATE OR REPLACE TEMP VIEW sales AS SELECT l.tw_row + ${raw.table.origin.row + 1} AS ${sqlIdent(LINE_COLUMN)}, ${columns.join(', ')}
    FROM tw_lines l WHERE l.tw_customer_ok`);
  return {
    ok: true,
    // In the engine's order: the file's and the mapping's, the day order's, the decimal separator's, the
    // lines', then a total row's (a customer named like a total is said by totalNames, after the query).
    issues: [...issues, ...filterNotes, ...orderNotes, ...decimalNotes, ...left.issues, ...(total ? [total.issue] : [])],
    customerColumn: m.customer!,
    amountColumn: m.amount ?? -1,
    skipped,
    totalCustomer: total?.customer,
    currencyColumn: currency,
    documentTypeColumn: documentType !== m.amount ? documentType : -1,
    profitRates,
    farDates,
    lateDate,
    lineCount,
    leftOutRows: left.count,
    filteredRows,
    decimal: decimal.decimal,
    decimalProven: decimal.proven,
    date1904,
    dateOrder,
    header: raw.header,
    latestDay: latestDay ?? undefined,
  };
}

/**
 * The dates that set the default window end, as lateDateIssue needs them: the latest (`latest`, as
 * DuckDB writes a DATE), the one before it, and the lines dated the latest, over the lines `inSales`.
 */
async function latestDates(con: DuckDBConnection, date: string, latest: string, inSales: string, skipped: readonly number[]): Promise<LatestDates> {
  const day = `DATE ${sqlText(latest)}`;
  const found = await con.runAndReadAll(`SELECT CAST(max(${date}) FILTER (WHERE ${date} < ${day}) AS VARCHAR), count(*) FILTER (WHERE ${date} = ${day}), min(tw_row) FILTER (WHERE ${date} = ${day}) FROM tw_lines WHERE ${inSales}`);
  const [next, lines, first] = found.getRowsJS()[0] as [string | null, bigint, bigint];
  return { latest: isoTextToEpochDay(latest), next: next === null ? undefined : isoTextToEpochDay(next), lines: Number(lines), firstRow: fileRow(Number(first), skipped) };
}

/**
 * The file's relation with each text field `="..."` read as the text inside, as Excel and the engine's
 * reader take it (excelField). Not the date column: there the text stays as written for the engine's
 * reader, which tells the text `43000` (no date) from the field 43000 (a serial day), as the engine does;
 * only its empty `=""` is made empty there, so a line of nothing else is a blank line to both.
 */
function formulaTextRelation(p: Plan): string {
  const columns = p.raw.header.map((_, c) => c).filter((c) => p.raw.kinds[c] === 'text');
  const inside = (c: number) =>
    c === p.date
      ? `CASE WHEN c${c} = '=""' THEN '' ELSE c${c} END AS c${c}`
      : `${formulaTextSql(`c${c}`)} AS c${c}`;
  return columns.length === 0 ? p.raw.relation : `(SELECT * REPLACE (${columns.map(inside).join(', ')}) FROM ${p.raw.relation})`;
}

/**
 * The filters' values no row holds, said as the engine says them (filter-values.ts): the rows are the
 * lines up to the last with data (`rows`), and the blank lines DuckDB skipped, which are rows of empty
 * cells to the engine (`blankLines`).
 */
async function unmatchedFilters(con: DuckDBConnection, p: Plan, config: Config, rows: string, blankLines: boolean): Promise<Issue[]> {
  const distinct = async (sql: string): Promise<Set<string>> => {
    const values = new Set(((await con.runAndReadAll(sql)).getRowsJS() as string[][]).map((r) => r[0]));
    if (blankLines) values.add('');
    return values;
  };
  const found: Set<string>[] = [];
  for (const i of config.filters.keys()) found.push(await distinct(`SELECT DISTINCT tw_f${i} FROM tw_typed WHERE ${rows} AND tw_f${i} IS NOT NULL`));
  const unmatched = unmatchedValues(config.filters, found);
  // The column's spellings, only for a filter with a value no row holds (a rare mistake): read from the
  // file again, as a number or date column keeps its typed values, not its text.
  const spellings: (Set<string> | undefined)[] = [];
  for (const [i, f] of config.filters.entries()) {
    const c = columnNamed(p.raw.header, f.column);
    spellings.push(unmatched[i].length > 0 ? await distinct(`SELECT DISTINCT coalesce(${keySql(p, c)}, '') FROM ${p.raw.relation}`) : undefined);
  }
  return unmatchedFilterIssues(config.filters, unmatched, spellings);
}

/**
 * One pass over the file: every role column typed by the patterns (`1234.50`, `2017-03-05`), the text
 * they do not take kept beside it (tw_odd<c>, answered later by the engine's parsers), the keys trimmed,
 * the filters and the flags a line's fate needs.
 */
async function storeLines(con: DuckDBConnection, p: Plan, decimal: DecimalSeparator): Promise<void> {
  const { raw } = p;
  const inner: string[] = [];
  const key = `tw_k${p.customer}`;
  const outer: string[] = [`${p.filters} AS tw_kept`, 'tw_customer_ok', 'tw_text_bad', 'tw_customer_raw'];
  if (raw.format === 'parquet') outer.unshift('tw_row');
  inner.push(...trimmedKeys(p), `coalesce(${key} <> '' AND NOT ${isError(key)}, false) AS tw_customer_ok`);
  for (const c of p.numbers) if (!typedByFile(p, c)) inner.push(`regexp_full_match(${textOf(p, c)}, ${sqlText(plainNumber(decimal))}) AS tw_m${c}`);
  // Typed once here: the outer select reads each twice (the value, and whether the line may be left out).
  for (const c of p.numbers) inner.push(`${numberExpression(p, c, decimal)} AS tw_v${c}`);
  if (p.date !== undefined && !typedByFile(p, p.date)) inner.push(`regexp_full_match(${textOf(p, p.date)}, ${sqlText(ISO_DAY)}) AS tw_m${p.date}`);
  if (p.date !== undefined) inner.push(`${dateExpression(p, p.date)} AS tw_v${p.date}`);
  // On the trimmed text (a key, tw_k<c>), as the engine trims it: RE2's \s lacks the no-break space and \v.
  for (const c of p.textChecked) inner.push(`${isError(`tw_k${c}`)} AS tw_e${c}`);
  inner.push(`${p.textChecked.length > 0 ? p.textChecked.map((c) => `tw_e${c}`).join(' OR ') : 'false'} AS tw_text_bad`);
  p.filterSeen.forEach((seen, i) => outer.push(`${seen} AS tw_f${i}`));
  // The error value as the file has it, for the message (a stored key column holds it trimmed).
  for (const c of p.textChecked) outer.push(`CASE WHEN tw_e${c} THEN ${textOf(p, c)} END AS tw_error${c}`);

  raw.header.forEach((_, c) => {
    const name = header(p, c);
    if (c === p.customer) {
      outer.push(`tw_k${c} AS ${name}`);
    } else if (p.numbers.includes(c)) {
      outer.push(`tw_v${c} AS ${name}`);
      if (!typedByFile(p, c)) outer.push(`CASE WHEN NOT tw_m${c} THEN ${textOf(p, c)} END AS tw_odd${c}`);
    } else if (c === p.date) {
      outer.push(`tw_v${c} AS ${name}`);
      // A day the calendar lacks (`2017-02-30`) passes the pattern but not the cast: kept as text for its message.
      if (!typedByFile(p, c)) outer.push(`CASE WHEN NOT tw_m${c} OR tw_v${c} IS NULL THEN ${textOf(p, c)} END AS tw_odd${c}`);
    } else if (!p.kept.has(c)) {
      return;
    } else if (p.keys.has(c)) {
      outer.push(`tw_k${c} AS ${name}`);
    } else {
      outer.push(`c${c} AS ${name}`);
    }
  });
  // A line without a usable customer may be blank (an empty row to the engine) or hold only columns not
  // stored: for those few lines, whether every cell is blank, and the cells not stored, for leftOut.
  outer.push(`CASE WHEN tw_customer_ok THEN false ELSE ${raw.header.map((_, c) => blankSql(textOf(p, c))).join(' AND ')} END AS tw_blank_line`);
  const rest = notStored(p);
  if (rest.length > 0) outer.push(`CASE WHEN NOT tw_customer_ok THEN [${rest.map((c) => textOf(p, c)).join(', ')}] END AS tw_rest`);
  // The lines that may be left out: every other line is readable as typed here. Stored, it lets the later
  // questions about odd texts and left-out lines read only those lines (DuckDB skips the rest by it).
  // The answers to odd texts only make more lines readable, so an unreadable line is always among them.
  outer.push(`NOT coalesce(${readableSql(p, (c) => `tw_v${c}`)}, false) AS tw_suspect`);
  const customerText = textOf(p, p.customer);
  const select = `SELECT ${outer.join(', ')} FROM (SELECT *, ${inner.join(', ')}, CASE WHEN ${customerText} IS DISTINCT FROM tw_k${p.customer} THEN ${customerText} END AS tw_customer_raw FROM ${raw.relation})`;
  await con.run(`CREATE OR REPLACE TEMP ${p.stored ? 'TABLE' : 'VIEW'} tw_typed AS ${select}`);
}

/** The columns typed as numbers or dates: a line is readable when each has a value (and its customer and text are usable). */
const typedColumns = (p: { numbers: number[]; date?: number }): number[] => [...p.numbers, ...(p.date !== undefined ? [p.date] : [])];

/** Whether a line is readable: a usable customer, a value in every typed column (`value` names it), no error value in its text. */
const readableSql = (p: Plan, value: (c: number) => string): string => ['tw_customer_ok', ...typedColumns(p).map((c) => `${value(c)} IS NOT NULL`), 'NOT tw_text_bad'].join(' AND ');

/** The columns `tw_typed` does not keep (for a line without a customer they are in tw_rest, in this order). */
const notStored = (p: Plan): number[] => p.raw.header.map((_, c) => c).filter((c) => !p.kept.has(c));

/** A number column as DOUBLE: the file's numbers as they are (not infinite), text by the cast where the pattern took it; the rest answered later. */
function numberExpression(p: Plan, c: number, decimal: DecimalSeparator): string {
  if (typedByFile(p, c)) return `CASE WHEN isfinite(CAST(c${c} AS DOUBLE)) THEN CAST(c${c} AS DOUBLE) END`;
  const text = textOf(p, c);
  // The cast skips the spaces and tabs the pattern allows (no trim: it cost as much as the cast).
  return `CASE WHEN tw_m${c} THEN TRY_CAST(${decimal === ',' ? `replace(${text}, ',', '.')` : text} AS DOUBLE) END`;
}

/** The date column as DATE: the file's dates as they are, Excel serials by Excel's count, ISO text by the cast; the rest answered later. */
function dateExpression(p: Plan, c: number): string {
  const cell = `c${c}`;
  switch (p.raw.kinds[c]) {
    case 'date':
      return cell;
    case 'timestamp':
      return `CAST(${cell} AS DATE)`;
    case 'number': {
      // serialToEpochDay: 1900 system from 1, 60 is the phantom 1900-02-29; the time of day is dropped.
      const s = `floor(CAST(${cell} AS DOUBLE))`;
      return `CASE WHEN isfinite(CAST(${cell} AS DOUBLE)) AND ${s} <= 2958465 THEN CASE WHEN ${s} >= 61 THEN DATE '1899-12-30' + CAST(${s} AS INTEGER) WHEN ${s} >= 1 AND ${s} < 60 THEN DATE '1899-12-31' + CAST(${s} AS INTEGER) END END`;
    }
    default: {
      const text = textOf(p, c);
      // DuckDB's cast skips the spaces and tabs the pattern allows around the day (a trim here cost as much as the cast).
      return `CASE WHEN tw_m${c} THEN TRY_CAST(${text} AS DATE) END`;
    }
  }
}

/** The table for an address or a range note: the file's sheet name and origin, `rows` only counted. */
const counted = (table: SourceTable, rows: number): SourceTable => ({ ...table, rows: { length: rows } as Cell[][] });

/**
 * The decimal separator, as ingest's `auto` finds it from the number cells of the lines no filter drops:
 * the other texts counted by shape in SQL (digits 1-9 written 9: `1,234.50` and `9,999.99` prove the
 * same), the plain numbers as far as the decision needs them (plainEvidence), all decided by the
 * engine's own detector.
 */
async function chooseDecimal(con: DuckDBConnection, p: Plan, rows: number, issues: Issue[]): Promise<{ decimal: DecimalSeparator; proven: boolean }> {
  const texts = p.numbers.filter((c) => !typedByFile(p, c));
  if (texts.length === 0) return { decimal: '.', proven: false };
  const odd = texts.map((c) => `SELECT tw_odd${c} AS v FROM tw_typed WHERE tw_suspect AND tw_kept AND tw_odd${c} IS NOT NULL`).join(' UNION ALL ');
  const shapes = await con.runAndReadAll(`SELECT regexp_replace(v, '[1-9]', '9', 'g') AS shape, count(*) FROM (${odd}) WHERE contains(v, '.') OR contains(v, ',') GROUP BY shape`);
  const oddTexts = (shapes.getRowsJS() as [string, bigint][]).map(([text, n]) => ({ text, count: Number(n) }));
  const plain = await plainEvidence(con, p, texts, detectDecimalCounted(oddTexts).evidence);
  const found = detectDecimalCounted([...oddTexts, { text: '1.5', count: plain.point }, ...(plain.either ? [{ text: '1.234', count: 1 }] : [])]);
  const decimal = found.decimal ?? (found.evidence === 'ambiguous' ? unprovenDecimal(p.raw.delimiter) : '.');
  const note = decimalNote(counted(p.raw.table, rows), p.numbers, found.evidence, decimal);
  if (note) issues.push(note);
  return { decimal, proven: found.evidence !== 'ambiguous' && found.evidence !== 'none' };
}

/**
 * What the plain numbers read with a point add to the odd texts' evidence (`oddEvidence`): the cells that
 * prove a point (`1234.50`) and whether any proves nothing (`1.234`). Read from the file again, and only
 * as far as the decision needs: counting every cell only when the odd texts prove a comma (the counts
 * are compared); nothing when they prove a point already; else the first cell that proves a point
 * (nearly always among the first lines), and only without one whether a `1.234` is there. Flagging every
 * cell while the lines were stored cost a pattern per number cell (0.2 s a million lines) for a
 * question the first lines answer. A point count of 1 stands for "some": without a comma only its sign counts.
 */
async function plainEvidence(con: DuckDBConnection, p: Plan, texts: number[], oddEvidence: DecimalEvidence): Promise<{ point: number; either: boolean }> {
  if (oddEvidence === '.') return { point: 0, either: false };
  const plain = (c: number) => `regexp_full_match(${textOf(p, c)}, ${sqlText(plainNumber('.'))}) AND contains(${textOf(p, c)}, '.')`;
  const either = (c: number) => `regexp_full_match(${textOf(p, c)}, ${sqlText(EITHER_NUMBER)})`;
  const point = texts.map((c) => `(${plain(c)} AND NOT ${either(c)})`).join(' OR ');
  const anyEither = texts.map((c) => `(${plain(c)} AND ${either(c)})`).join(' OR ');
  const lines = `(SELECT *, ${trimmedKeys(p).join(', ')} FROM ${p.raw.relation}) WHERE ${p.filters}`;
  if (oddEvidence === ',' || oddEvidence === 'conflict') {
    const cells = texts.map((c) => `count(*) FILTER (WHERE ${plain(c)} AND NOT ${either(c)})`).join(' + ');
    const r = (await con.runAndReadAll(`SELECT ${cells}, coalesce(bool_or(${anyEither}), false) FROM ${lines}`)).getRowsJS()[0] as [bigint | null, boolean];
    return { point: Number(r[0] ?? 0), either: r[1] };
  }
  const first = (await con.runAndReadAll(`SELECT ${point} FROM ${lines} AND (${point} OR ${anyEither}) LIMIT 1`)).getRowsJS();
  if (first.length === 0) return { point: 0, either: false };
  if (first[0][0] === true) return { point: 1, either: false };
  const later = await con.runAndReadAll(`SELECT 1 FROM ${lines} AND (${point}) LIMIT 1`);
  return { point: later.getRowsJS().length, either: true };
}

/** The day/month order, as ingest's `auto` finds it, from the distinct locale-shaped text dates of the lines no filter drops. */
async function chooseOrder(con: DuckDBConnection, p: Plan, config: Config, rows: number, issues: Issue[]): Promise<DateOrder> {
  const setting = config.locale.dateOrder;
  if (setting !== 'auto') return setting;
  const c = p.date!;
  if (typedByFile(p, c)) return 'MDY';
  const found = await con.runAndReadAll(`SELECT DISTINCT tw_odd${c} FROM tw_typed WHERE tw_suspect AND tw_kept AND regexp_matches(tw_odd${c}, ${sqlText(LOCALE_DATE)})`);
  return chooseDateOrder(
    counted(p.raw.table, rows),
    c,
    // As the engine's reader hands them over (`="5/3/2017"` is the text inside).
    (found.getRowsJS() as string[][]).map((r) => asRead(p.raw, r[0])).filter((t): t is string => typeof t === 'string'),
    issues,
  );
}

/**
 * The texts the patterns did not take, each distinct one read once by the engine's readNumber or readDate,
 * written into the stored lines (the lines a filter drops too: their dates set the default window end).
 */
async function answerOddCells(con: DuckDBConnection, p: Plan, decimal: DecimalSeparator, order: DateOrder, date1904: boolean): Promise<void> {
  const columns = typedColumns(p).filter((c) => !typedByFile(p, c));
  for (const c of columns) {
    const odd = await con.runAndReadAll(`SELECT DISTINCT tw_odd${c} FROM tw_typed WHERE tw_suspect AND tw_odd${c} IS NOT NULL`);
    const texts = (odd.getRowsJS() as string[][]).map((r) => r[0]);
    const isDate = c === p.date;
    const answers: [string, number | string][] = [];
    for (const t of texts) {
      // A CSV's field as the engine's reader hands it over: `43000` in a date column is a serial date.
      const cell = asRead(p.raw, t);
      if (isDate) {
        const day = readDate(cell, date1904, order);
        if (!Number.isNaN(day)) answers.push([t, epochDayToIso(day)]);
      } else {
        const v = readNumber(cell, decimal);
        if (!Number.isNaN(v)) answers.push([t, v]);
      }
    }
    if (answers.length === 0) continue;
    const table = `tw_fix${c}`;
    await con.run(`CREATE OR REPLACE TEMP TABLE ${table} (v VARCHAR, x ${isDate ? 'DATE' : 'DOUBLE'})`);
    await appendRows(con, table, answers, (appender, [t, x]) => {
      appender.appendVarchar(t);
      if (typeof x === 'number') appender.appendDouble(x);
      else appender.appendVarchar(x);
    });
    await con.run(`UPDATE tw_typed SET ${header(p, c)} = f.x FROM ${table} f WHERE tw_typed.tw_suspect AND tw_typed.tw_odd${c} = f.v`);
  }
}

/** A CSV's text as the JavaScript path's reader hands it to the engine (a whole number is a number, as in Excel); other files' as it is. */
const asRead = (raw: RawSource, text: string): Cell => (raw.format === 'csv' ? excelField(text) : text);

/** A stored value as the engine's cell: text as the reader hands it over ('' for an empty field), numbers, days as ISO text. */
function cellOf(raw: RawSource, v: unknown): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return asRead(raw, v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * The lines left out: every line no filter drops that is not readable, handed to the engine's ingest
 * (with the decimal separator and day order already chosen for the whole file), which explains each with
 * its message; addresses are moved from the small table's rows to the file's, counting the blank lines
 * DuckDB's reader skipped (`skipped`). A line with nothing in it is skipped with one note, as the engine
 * skips it, and so are the skipped blank lines no filter drops (`blankNoted`).
 */
async function leftOut(
  con: DuckDBConnection,
  p: Plan,
  config: Config,
  decimal: DecimalSeparator,
  dateOrder: DateOrder,
  rows: number,
  lastData: number,
  skipped: readonly number[],
  blankNoted: readonly number[],
): Promise<{ issues: Issue[]; count: number }> {
  const { raw } = p;
  // Each cell as the file had it: the text the patterns did not take, else the typed value, the customer as written.
  const cells = raw.header.map((_, c) => {
    const name = header(p, c);
    if (c === p.customer) return `coalesce(tw_customer_raw, ${name})`;
    if (!p.kept.has(c)) {
      const unstored = `tw_rest[${notStored(p).indexOf(c) + 1}]`;
      return p.textChecked.includes(c) ? `coalesce(tw_error${c}, ${unstored})` : unstored;
    }
    if (p.textChecked.includes(c)) return `coalesce(tw_error${c}, ${name})`;
    const odd = (p.numbers.includes(c) || c === p.date) && !typedByFile(p, c);
    return odd ? `coalesce(tw_odd${c}, CAST(${name} AS VARCHAR))` : name;
  });
  // Whether each number cell is the file's text (odd) or a value the patterns typed, for the comma case below.
  const texts = p.numbers.filter((c) => !typedByFile(p, c));
  const bad = await con.runAndReadAll(
    `SELECT tw_row, ${cells.join(', ')}${texts.map((c) => `, tw_odd${c} IS NOT NULL`).join('')} FROM tw_lines WHERE tw_suspect AND tw_kept AND NOT tw_readable AND tw_row <= ${lastData} ORDER BY tw_row`,
  );
  const found = bad.getRowsJS().map((r) => r.slice(0, 1 + raw.header.length));
  const oddText = bad.getRowsJS().map((r) => r.slice(1 + raw.header.length));
  if (found.length === 0) return { issues: blankNoted.length > 0 ? [blankRowsNote(counted(raw.table, rows), [...blankNoted])] : [], count: 0 };
  // The file's rows, which count the blank lines DuckDB skipped.
  const at = found.map((r) => fileRow(Number(r[0]), skipped));
  const small: SourceTable = { ...raw.table, rows: found.map((r) => r.slice(1).map((v) => cellOf(raw, v))), notes: undefined };
  // A number the patterns read went back to text with a point above; read with a comma it would not be
  // a number again, so it is handed over as the number it is. Not the file's own text (`7.5` in a file
  // read with a decimal comma), which the engine must read, and refuse, as it is.
  found.forEach((r, k) => {
    texts.forEach((c, i) => {
      const v = r[c + 1];
      if (typeof v === 'string' && oddText[k][i] !== true && !Number.isNaN(Number(v)) && decimal === ',') small.rows[k][c] = Number(v);
    });
  });
  const read = ingest(small, { ...config, filters: [], locale: { ...config.locale, decimal, dateOrder } });
  if (read.lines.length > 0) {
    // Both read the line: the SQL typing and the engine disagree, a bug of this file.
    throw new Error(`the DuckDB typing left out line ${at[read.lines.row[0]] + raw.table.origin.row + 1} of ${raw.table.sheet}, which the engine reads`);
  }
  const issues = read.issues
    .filter((i) => i.row !== undefined)
    .map((i): Issue => {
      const row = at[i.row!];
      const column = columnIndex(/!([A-Z]{1,3})\d+$/.exec(i.where)?.[1] ?? 'A') - raw.table.origin.column;
      return { ...i, row, where: sourceCellAddress(raw.table, column, row) };
    });
  const blankCustomers = small.rows.flatMap((r, k) => (!r.every(isBlank) && keyText(r[p.customer]) === '' ? [at[k]] : []));
  const grouped = groupedLayoutNote(raw.table, p.customer, blankCustomers);
  if (grouped) issues.push(grouped);
  const unread = read.unreadOnly && unreadOnlyNote(raw.table, read.unreadOnly.rows.map((k) => at[k]), read.unreadOnly.columns, (c) => headerText(raw.table.header, c));
  if (unread) issues.push(unread);
  const blank = [...blankNoted, ...small.rows.map((r, k) => (r.every(isBlank) ? at[k] : -1)).filter((r) => r >= 0)].sort((a, b) => a - b);
  if (blank.length > 0) issues.push(blankRowsNote(counted(raw.table, rows), blank));
  return { issues, count: read.leftOutRows };
}

/** DuckDB's row `row` as the file's data row, counting the blank lines it skipped (`skipped`, ascending). */
export function fileRow(row: number, skipped: readonly number[]): number {
  let at = row;
  for (const blank of skipped) {
    if (blank > at) break;
    at++;
  }
  return at;
}
