// Ingest: a header row plus rows as a host hands them over -> typed columns and row issues
// (SEMANTICS.md section 1). Filters are applied here, before anything is counted, so a customer
// removed by a filter does not appear at all.
import { cellAddress, rangeAddress, sourceCellAddress } from './address';
import type { Config, SegmentType } from './config';
import { whyNotADate } from './parse/date-trouble';
import { whyNotANumber } from './parse/number-trouble';
import { readDate, detectDateOrder, type DateOrder } from './parse/date';
import { columnNamed, detectColumns, normalizeHeader, pivotRowLabelsColumn } from './parse/headers';
import { keptLineNotes } from './kept-line-notes';
import { detectDecimal, excelError, isBlank, readNumber, unprovenDecimal, type DecimalEvidence, type DecimalSeparator } from './parse/number';
import { codeColumn, codeKeys, Dictionary, FILTERED, keyText, readLines, soldCustomers, type LineBuffers, type LineColumns } from './read-lines';
import { namesTotal, subtotalBase, totalNameWarnings, totalRowWarning } from './total-row';
import { unreadOnlyNote, type RoleColumn } from './unread-columns';
import { unmatchedFilterIssues, unmatchedValues } from './filter-values';
import { lateDateIssue, type LatestDates } from './late-date';

export { keyText };
import { COLUMN_ROLES, type Cell, type ColumnMapping, type ColumnRole, type EpochDay, type Issue, type SourceTable } from './types';

/** Customers are identified by trimmed text: `1001` and `" 1001"` are one customer. */
export interface CustomerIndex {
  ids: string[];
  names: string[];
  byId: Map<string, number>;
}

/** One entry per kept sales line, column by column (the hot path never builds an object per line). */
export interface SalesLines extends LineBuffers {
  length: number;
  orders: string[];
  products: string[];
  categories: string[];
}

export interface UnreadOnly {
  rows: number[];
  columns: RoleColumn[];
}

export interface Ingested {
  table: SourceTable;
  mapping: ColumnMapping;
  customers: CustomerIndex;
  lines: SalesLines;
  /** Row issues (with addresses) and mapping problems. */
  issues: Issue[];
  /** Rows left out because of an issue (a row with two bad cells counts once). */
  leftOutRows: number;
  /** Of those, the rows left out only for columns no segment type reads, and those columns (unread-columns.ts). */
  unreadOnly?: UnreadOnly;
  /** Rows dropped by the configured filters (not issues). */
  filteredRows: number;
  dateOrder?: DateOrder;
  /** The decimal separator numbers written as text were read with (configured, or detected for `auto`). */
  decimal: DecimalSeparator;
  /** The separator was configured, or the text proved it; false when `auto` found no evidence (a point by default). */
  decimalProven: boolean;
  /** The workbook counts dates from 1904 (configuration first, then what the host says). */
  date1904: boolean;
  /** False when a required column is missing: nothing can be computed. */
  usable: boolean;
  /**
   * The latest readable date of a line with a customer, taken before the filters (SEMANTICS.md 2): the
   * default window end, so a filter on a region that stopped selling does not move the window back.
   * Undefined when no line has a date.
   */
  latestDay?: EpochDay;
}

export const ROLE_LABELS: Record<ColumnRole, string> = {
  customer: 'Customer',
  customerName: 'Customer name',
  date: 'Date',
  amount: 'Sales amount',
  profit: 'Profit',
  cost: 'Cost',
  quantity: 'Quantity',
  order: 'Order',
  product: 'Product',
  category: 'Category',
  spent: 'Points spent',
};

/** The columns a segment type cannot do without, and why (for the message). */
export function typeNeeds(type: SegmentType): { role: ColumnRole | 'profitOrCost'; why: string }[] {
  switch (type.kind) {
    case 'abc':
      return type.measure === 'profit'
        ? [{ role: 'profitOrCost', why: `"${type.name}" ranks by profit` }]
        : type.measure === 'quantity'
          ? [{ role: 'quantity', why: `"${type.name}" ranks by quantity` }]
          : [];
    case 'bands':
      return type.measure === 'sales' ? [] : [{ role: 'profitOrCost', why: `"${type.name}" uses ${type.measure}` }];
    case 'loyalty':
      return type.perUnit !== 0 || type.rules.some((r) => r.perUnit !== 0) ? [{ role: 'quantity', why: `"${type.name}" gives points per unit` }] : [];
    case 'activity': {
      const needs: { role: ColumnRole | 'profitOrCost'; why: string }[] = [{ role: 'date', why: `"${type.name}" counts periods back from the latest sale` }];
      if (type.criteria.some((l) => l.measure === 'profit')) needs.push({ role: 'profitOrCost', why: `a criteria line of "${type.name}" reads profit` });
      return needs;
    }
    case 'profiles':
      return [];
    case 'rfm':
      return [{ role: 'date', why: `"${type.name}" measures recency in days` }];
    case 'xyz': {
      const why = `"${type.name}" measures ${type.measure} per ${type.period}`;
      return type.measure === 'quantity' ? [{ role: 'date', why }, { role: 'quantity', why }] : [{ role: 'date', why }];
    }
  }
}

/** Line columns kept only when a segment type reads them: order, product, category (coded), quantity. */
type LineRole = 'order' | 'product' | 'category' | 'quantity';

/**
 * The optional line columns a segment type reads after ingest (orders counted, products matched by
 * rules, units). A mapped column that no type reads is still checked on every row, but not kept.
 */
export function typeReads(type: SegmentType): LineRole[] {
  switch (type.kind) {
    case 'abc':
      return type.measure === 'quantity' ? ['quantity'] : [];
    case 'bands':
    case 'profiles':
      return [];
    case 'loyalty': {
      // Rules may match on any column; product and category are matched by code when they are mapped.
      const reads: LineRole[] = type.rules.length > 0 ? ['order', 'product', 'category'] : ['order'];
      if (type.perUnit !== 0 || type.rules.some((r) => r.perUnit !== 0)) reads.push('quantity');
      return reads;
    }
    case 'activity':
      return type.criteria.some((l) => l.measure === 'orders') ? ['order'] : [];
    case 'rfm':
      return ['order'];
    case 'xyz':
      return type.measure === 'quantity' ? ['quantity'] : [];
  }
}

function lineReads(config: Config): Set<LineRole> {
  return new Set(config.segmentTypes.flatMap(typeReads));
}

const LINE_ROLES: readonly LineRole[] = ['quantity', 'order', 'product', 'category'];

/** The mapped line columns no segment type reads: still checked on every row (SEMANTICS.md 1), but read by none. */
function unreadColumns(mapping: ColumnMapping, reads: Set<LineRole>): RoleColumn[] {
  return LINE_ROLES.flatMap((role) => (mapping[role] !== undefined && !reads.has(role) ? [{ role, column: mapping[role] }] : []));
}

/** Role -> column index: detected from the header, then the configuration's choices on top (null: none). */
export function resolveMapping(header: readonly Cell[], columns: Config['columns']): { mapping: ColumnMapping; issues: Issue[] } {
  const mapping: ColumnMapping = { ...detectColumns(header as Cell[]) };
  const issues: Issue[] = [];
  for (const role of COLUMN_ROLES) {
    const wanted = columns[role];
    if (wanted === undefined) continue;
    if (wanted === null) {
      delete mapping[role];
      continue;
    }
    const i = columnNamed(header, wanted);
    if (i < 0) {
      issues.push({ severity: 'error', where: `columns.${role}`, message: `no column is headed "${wanted}"; the header row has: ${header.filter((h) => !isBlank(h)).join(', ')}` });
      delete mapping[role];
      continue;
    }
    // A column belongs to one role: the configured role takes it from a detected one.
    for (const other of COLUMN_ROLES) if (other !== role && mapping[other] === i && columns[other] === undefined) delete mapping[other];
    mapping[role] = i;
  }
  return { mapping, issues };
}

/**
 * With decimal `auto`, the rows are read with a decimal point, the text of the number cells is kept, and
 * only when that text proves a decimal comma (detectDecimal) are they read again with it, before any
 * left-out row is explained: Excel hands numbers over as numbers, so the usual run reads once, and
 * only a file of numbers written with commas (a European CSV) is read twice.
 */
/**
 * The columns the configuration needs and `has` says are not mapped, each with why: one check for the
 * engine (a mapping of column indexes) and the SQL compiler (a mapping of header names).
 */
export function missingRoles(config: Config, has: (role: ColumnRole) => boolean): { where: string; message: string }[] {
  const out: { where: string; message: string }[] = [];
  const missing = (role: ColumnRole | 'profitOrCost', why: string) => {
    const what = role === 'profitOrCost' ? 'a Profit or a Cost column' : `a ${ROLE_LABELS[role]} column`;
    out.push({ where: role === 'profitOrCost' ? 'columns.profit' : `columns.${role}`, message: `map ${what}: ${why}` });
  };
  if (!has('customer')) missing('customer', 'every line must say which customer it belongs to');
  if (!has('amount')) missing('amount', 'net sales are measured on every run');
  if (!has('date') && config.window.kind !== 'all') missing('date', `the time window "${config.window.kind}" needs dates`);
  for (const t of config.segmentTypes) {
    for (const need of typeNeeds(t)) {
      const found = need.role === 'profitOrCost' ? has('profit') || has('cost') : has(need.role);
      if (!found) missing(need.role, need.why);
    }
  }
  return out;
}

export function ingest(table: SourceTable, config: Config): Ingested {
  const setting = config.locale.decimal;
  if (setting !== 'auto') return ingestWith(table, config, setting, undefined);
  const withPoint = ingestWith(table, config, '.', 'probe');
  return 'table' in withPoint ? withPoint : ingestWith(table, config, ',', withPoint.commaProven);
}

/**
 * `auto`: 'probe' collects the number cells' text, decides, and returns { commaProven } as soon as the
 * comma wins; what a probe found, handed to the second read, becomes the same warning there.
 */
function ingestWith(table: SourceTable, config: Config, decimal: DecimalSeparator, auto: 'probe'): Ingested | { commaProven: DecimalEvidence };
function ingestWith(table: SourceTable, config: Config, decimal: DecimalSeparator, auto: DecimalEvidence | undefined): Ingested;
function ingestWith(table: SourceTable, config: Config, decimal: DecimalSeparator, auto: 'probe' | DecimalEvidence | undefined): Ingested | { commaProven: DecimalEvidence } {
  const { mapping, issues } = resolveMapping(table.header, config.columns);
  issues.push(...(table.notes ?? []), ...duplicateHeaders(table, mapping));
  const headerAt = (c: number) => headerText(table.header, c);
  const empty = (): Ingested => ({
    table, mapping, issues, customers: { ids: [], names: [], byId: new Map() }, lines: allocate(0), leftOutRows: 0, filteredRows: 0, usable: false, decimal, decimalProven: auto !== 'probe',
    date1904: config.locale.date1904 ?? table.date1904 ?? false,
  });

  const pivot = pivotRowLabelsColumn(table.header);
  for (const m of missingRoles(config, (role) => mapping[role] !== undefined)) {
    // A PivotTable's range: its row labels may be the customers, and its source lines would be better.
    const hint =
      m.where === 'columns.customer' && pivot >= 0
        ? `; "${headerAt(pivot)}" is a PivotTable's row labels: if they are customers, map that column as the customer (the PivotTable's source lines, which PivotTable Analyze > Change Data Source shows, would also give each sale's date and order)`
        : '';
    issues.push({ severity: 'error', ...m, message: `${m.message}${hint}` });
  }
  const filters = compileFilters(table.header, config.filters, issues);
  if (issues.some((i) => i.severity === 'error')) return empty();

  const date1904 = config.locale.date1904 ?? table.date1904 ?? false;
  const n = table.rows.length;
  const rows = table.rows;
  const col = (role: ColumnRole) => mapping[role] ?? -1;
  const cCustomer = col('customer'), cName = col('customerName'), cDate = col('date'), cAmount = col('amount');
  const cProfit = col('profit'), cCost = cProfit >= 0 ? -1 : col('cost'), cQty = col('quantity'), cSpent = col('spent');
  // Order, product and category are coded only when a segment type reads them: a Map lookup per line each.
  const reads = lineReads(config);
  // Every mapped text column is still checked for error values, coded or not, as the numbers are.
  const textColumns = [col('order'), col('product'), col('category'), cName].filter((c) => c >= 0);
  const columns: LineColumns = {
    customer: cCustomer, name: cName, date: cDate, amount: cAmount, profit: cProfit, cost: cCost, quantity: cQty, spent: cSpent,
    order: reads.has('order') ? col('order') : -1,
    product: reads.has('product') ? col('product') : -1,
    category: reads.has('category') ? col('category') : -1,
    keepQuantity: reads.has('quantity') && cQty >= 0,
    text: textColumns,
    numbers: [cAmount, cProfit, cCost, cQty, cSpent].filter((c) => c >= 0),
  };

  const state = new Uint8Array(n);
  // No rows (a header alone, as the DuckDB path asks for the mapping): nothing to say of the values.
  if (filters !== undefined && n > 0) {
    for (let r = 0; r < n; r++) if (!filters.keeps(rows[r])) state[r] = FILTERED;
    const unmatched = unmatchedValues(config.filters, filters.found);
    // The column's spellings, read again only for a filter with a value no row holds (a rare mistake).
    const spellings = filters.columns.map((c, i) => (unmatched[i].length > 0 ? new Set(rows.map((row) => keyText(row[c]))) : undefined));
    issues.push(...unmatchedFilterIssues(config.filters, unmatched, spellings));
  }
  const autoDates = mapping.date !== undefined && config.locale.dateOrder === 'auto';
  const customerKeys = codeKeys(rows, cCustomer, state, autoDates ? cDate : -1);
  const dictionaries = { order: new Dictionary(), product: new Dictionary(), category: new Dictionary() };
  const codesOf = (c: number, d: Dictionary) => (c >= 0 ? codeColumn(rows, c, state, d) : undefined);
  const codes = { order: codesOf(columns.order, dictionaries.order), product: codesOf(columns.product, dictionaries.product), category: codesOf(columns.category, dictionaries.category) };
  let dateOrder: DateOrder | undefined;
  if (mapping.date !== undefined) {
    dateOrder = config.locale.dateOrder === 'auto' ? chooseDateOrder(table, mapping.date, customerKeys.textDates, issues) : config.locale.dateOrder;
  }
  // The customer column is written over the row codes it is read from: line k comes from row r >= k, so
  // each code is read before its place is taken, and a million lines need one fresh buffer fewer.
  const lines = allocate(n, columns, customerKeys.code);
  const textNumbers = auto === 'probe' ? [] : undefined;
  const read = readLines(rows, customerKeys, codes, columns, decimal, date1904, dateOrder ?? 'MDY', state, lines, textNumbers);
  let evidence = auto === 'probe' ? undefined : auto;
  if (textNumbers !== undefined) {
    const found = detectDecimal(textNumbers);
    if ((found.decimal ?? (found.evidence === 'ambiguous' ? unprovenDecimal(table.delimiter) : '.')) === ',') return { commaProven: found.evidence };
    evidence = found.evidence;
  }
  // Configured (no evidence asked for), or proven: only 'ambiguous' and 'none' leave the point a default.
  const decimalProven = evidence !== 'ambiguous' && evidence !== 'none';
  const note = evidence && decimalNote(table, columns.numbers, evidence, decimal);
  if (note) issues.push(note);
  const sold = soldCustomers(customerKeys, read, lines.customer);
  // A row with nothing in it is no line at all (a separator, the empty row at a table's end): it is
  // skipped with one warning for all of them, not listed cell by cell as a line with a blank customer.
  const blank: number[] = [];
  const leftOut: number[] = [];
  for (const r of read.leftOutRows) (rows[r].every(isBlank) ? blank : leftOut).push(r);
  // Each left-out row's cells reported; the rows whose every such cell lies in a column no type reads.
  const unread = unreadColumns(mapping, reads);
  const unreadOnly: UnreadOnly = { rows: [], columns: [] };
  const unreadSaid = new Set<number>();
  for (const r of leftOut) {
    const said = reportRow(r);
    if (unread.length > 0 && said.length > 0 && said.every((c) => unread.some((u) => u.column === c))) {
      unreadOnly.rows.push(r);
      said.forEach((c) => unreadSaid.add(c));
    }
  }
  unreadOnly.columns = unread.filter((u) => unreadSaid.has(u.column)).sort((a, b) => a.column - b.column);
  const grouped = groupedLayoutNote(table, cCustomer, leftOut.filter((r) => keyText(rows[r][cCustomer]) === ''));
  if (grouped) issues.push(grouped);
  const unreadNote = unreadOnlyNote(table, unreadOnly.rows, unreadOnly.columns, headerAt);
  if (unreadNote) issues.push(unreadNote);
  if (blank.length > 0) issues.push(blankRowsNote(table, blank));
  const customers: CustomerIndex = {
    ids: sold.ids,
    byId: sold.byId,
    // The last non-blank name wins.
    names: sold.nameCell.map(keyText),
  };
  const keptLines = trim(lines, read.kept);
  const latest = latestBeforeFilters(rows, state, read.filtered > 0 ? cDate : -1, cCustomer, date1904, dateOrder ?? 'MDY', keptLines);
  const latestDay = latest?.latest;
  const total = totalRowWarning(table, keptLines, cAmount, headerAt(cAmount), customers.ids);
  if (total) issues.push(total.issue);
  issues.push(...totalNameWarnings(table, keptLines, cCustomer, headerAt(cCustomer), customers.ids, total?.customer));
  issues.push(...keptLineNotes(table, keptLines, { amount: cAmount, profit: cProfit, date: cDate }, headerAt));
  const late = cDate >= 0 ? lateDateIssue(table, cDate, latest) : undefined;
  if (late) issues.push(late);

  /** The slow path, for left-out rows only: every unreadable cell of the row, with its address; the columns said. */
  function reportRow(r: number): number[] {
    const row = table.rows[r];
    const said: number[] = [];
    const report = (c: number, message: string) => {
      said.push(c);
      issues.push({ severity: 'error', where: sourceCellAddress(table, c, r), value: row[c], row: r, message });
    };
    const reportError = (c: number, err: string) => report(c, `${headerAt(c)} holds the Excel error ${err}: fix the formula or the value`);
    const key = keyText(row[cCustomer]);
    // A report's page header repeated in the lines: one message, not one per cell that is no number or date.
    const asHeader = (c: number) => c < 0 || keyText(row[c]) === String(table.header[c] ?? '').trim();
    if (key !== '' && asHeader(cCustomer) && asHeader(cAmount) && asHeader(cDate)) {
      report(cCustomer, 'the line repeats the header row (as a report repeats it on each page): it is no sale, and is left out; delete such lines to be rid of this message');
      return said;
    }
    if (key === '') report(cCustomer, 'the customer is blank: fill it in, or delete the line if it is not a sale');
    else if (excelError(key)) report(cCustomer, `the customer is the Excel error ${key}: fix the formula or the value`);
    for (const c of [cAmount, cProfit, cCost, cQty, cSpent]) {
      if (c < 0) continue;
      const cell = row[c];
      if (!Number.isNaN(readNumber(cell, decimal))) continue;
      const err = excelError(cell);
      if (err) reportError(c, err);
      else if (isBlank(cell)) report(c, `${headerAt(c)} is blank: type a number (0 if there is none)`);
      else if (!Number.isNaN(readNumber(cell, decimal === '.' ? ',' : '.'))) report(c, otherSeparator(headerAt(c), String(cell), decimal));
      else {
        const why = typeof cell === 'string' ? whyNotANumber(cell, decimal) : undefined;
        report(c, `${headerAt(c)} "${String(cell)}" is not a number: ${why ?? `type a number such as 1234.50${decimal === ',' ? ' (decimal comma: 1234,50)' : ''}`}`);
      }
    }
    if (cDate >= 0) {
      const cell = row[cDate];
      const day = readDate(cell, date1904, dateOrder ?? 'MDY');
      if (day !== day) {
        const err = excelError(cell);
        if (err) reportError(cDate, err);
        else if (isBlank(cell) && (namesTotal(key) || subtotalBase(key) !== undefined)) {
          // A total or a subtotal line (Excel's Data > Subtotal leaves their dates blank): typing a date
          // would count its sales twice.
          report(cDate, `${headerAt(cDate)} is blank, and the customer "${key}" looks like a total: if it is one, the line is rightly left out (Data > Subtotal > Remove All removes such lines); if not, type the date of the sale`);
        } else if (isBlank(cell)) report(cDate, `${headerAt(cDate)} is blank: type the date of the sale`);
        else if (cell === 60 && !date1904) report(cDate, `${headerAt(cDate)} is 1900-02-29, a day that does not exist (Excel shows it for compatibility with Lotus 1-2-3): correct the date`);
        else {
          const why = whyNotADate(cell, date1904, dateOrder ?? 'MDY');
          report(cDate, `${headerAt(cDate)} "${String(cell)}" is not a date: ${why ?? `use a date cell, or text written YYYY-MM-DD${dateOrder ? `, in ${dateOrder} order` : ''} or as 5-Mar-2017 (a four-digit year)`}`);
        }
      }
    }
    for (const c of textColumns) {
      const err = excelError(row[c]);
      if (err) reportError(c, err);
    }
    return said;
  }

  return {
    table,
    mapping,
    customers,
    lines: { ...keptLines, orders: dictionaries.order.values, products: dictionaries.product.values, categories: dictionaries.category.values },
    issues,
    leftOutRows: leftOut.length,
    unreadOnly,
    filteredRows: read.filtered,
    dateOrder,
    decimal,
    decimalProven,
    date1904,
    usable: true,
    latestDay,
  };
}

/**
 * The latest date over the kept lines and the rows the filters dropped (cDate -1 when there are none:
 * a run without filters pays one pass over the kept days). A dropped row counts when its customer is not
 * blank and its date reads; its other cells are not the filtered view's business.
 */
function latestBeforeFilters(rows: Cell[][], state: Uint8Array, cDate: number, cCustomer: number, date1904: boolean, order: DateOrder, kept: Pick<LineBuffers, 'day' | 'row'>): LatestDates | undefined {
  // The latest date, the one before it, and the lines with the latest (late-date.ts), in one pass.
  let latest = -Infinity;
  let next = -Infinity;
  let lines = 0;
  let firstRow = -1;
  const see = (day: number, row: number) => {
    if (!(day > next)) return; // NaN (no date), or no later than the date before the latest
    if (day > latest) {
      next = latest;
      latest = day;
      lines = 1;
      firstRow = row;
    } else if (day === latest) {
      lines++;
      if (row < firstRow) firstRow = row;
    } else next = day;
  };
  for (let i = 0; i < kept.day.length; i++) see(kept.day[i], kept.row[i]);
  if (cDate >= 0) {
    for (let r = 0; r < rows.length; r++) {
      if (state[r] !== FILTERED) continue;
      const key = keyText(rows[r][cCustomer]);
      if (key === '' || excelError(key)) continue;
      see(readDate(rows[r][cDate], date1904, order), r);
    }
  }
  return latest === -Infinity ? undefined : { latest, next: next === -Infinity ? undefined : next, lines, firstRow };
}


/**
 * When the text of the number columns cannot tell the decimal separator, the point is used, as Excel
 * does in en-US, and the user is told how to say otherwise: numbers such as 1,234 and 1.234 (a thousand,
 * or one) would be read wrong without a word in a file from a decimal-comma country. When the text shows
 * both, the user is told which one won.
 */
export function decimalNote(table: SourceTable, numberColumns: number[], evidence: DecimalEvidence, decimal: DecimalSeparator): Issue | undefined {
  if (evidence !== 'ambiguous' && evidence !== 'conflict') return undefined;
  const first = Math.min(...numberColumns);
  const where = rangeAddress(table.sheet, table.origin.column + first, table.origin.row + 1, Math.max(...numberColumns) - first + 1, Math.max(1, table.rows.length));
  return {
    severity: 'warning',
    where,
    message:
      evidence === 'conflict'
        ? `the numbers written as text mix a decimal point (12.50) and a decimal comma (12,50); read with a decimal ${decimal === ',' ? 'comma' : 'point'}, which more of them show. Set locale.decimal to "${decimal === ',' ? '.' : ','}" if that is wrong; numbers that do not fit are listed as issues.`
        : decimal === ','
          ? 'every number written as text could have a decimal point or a decimal comma (such as 1,234 or 1.234: a thousand, or one); read with a decimal comma, as Excel does where a semicolon separates the fields, as it does in this file. Set locale.decimal to "." if that is wrong.'
          : 'every number written as text could have a decimal point or a decimal comma (such as 1,234 or 1.234: a thousand, or one); read with a decimal point, as Excel does in en-US. Set locale.decimal to "," if that is wrong.',
  };
}

/** A column's header as messages name it: its text, else its place (`column 3`). */
export const headerText = (header: readonly Cell[], c: number): string => String(header[c] ?? '').trim() || `column ${c + 1}`;

/**
 * A header with no line below it (only the header row selected, a new table's one empty row, a file of
 * headers only): nothing to segment, and a run would write empty tiers over the last ones. An error,
 * so nothing is classified or written.
 */
export function noLinesProblem(table: Pick<SourceTable, 'sheet' | 'origin' | 'header' | 'rows'>): Issue {
  return {
    severity: 'error',
    where: rangeAddress(table.sheet, table.origin.column, table.origin.row, Math.max(1, table.header.length), 1 + table.rows.length),
    message: `there are no sales lines below the header (row ${table.origin.row}), so there is nothing to segment: give the header with the lines below it.`,
  };
}

/** Every row that reached the reader was blank (or there was none): not even a left-out or filtered line. */
export const hasNoLines = (ingested: Ingested): boolean =>
  ingested.usable && ingested.lines.length === 0 && ingested.leftOutRows === 0 && ingested.filteredRows === 0;

/**
 * One warning when lines without a customer come one below the other: a report, or a PivotTable in
 * compact or outline form, writes the customer only on the first line of each group, and every line
 * below it is then left out. Each line is listed anyway; this says why there are so many and how to
 * fill them in one go. `blankCustomerRows` are the left-out lines whose customer is blank (data rows,
 * ascending); a first line without a customer is no group's continuation, so it must have one.
 */
export function groupedLayoutNote(table: SourceTable, customerColumn: number, blankCustomerRows: readonly number[]): Issue | undefined {
  const rows = blankCustomerRows;
  const inRuns = rows.some((r, k) => k > 0 && rows[k - 1] === r - 1);
  if (!inRuns || rows[0] === 0) return undefined;
  return {
    severity: 'warning',
    where: sourceCellAddress(table, customerColumn, rows[0]),
    message: `${rows.length.toLocaleString('en-US')} lines have a blank customer, some one below the other, and are left out: is the customer written only on the first line of each group (a report's layout, a cell merged down the group, or a PivotTable in compact or outline form)? Then unmerge merged cells (Home > Merge & Center), fill the blanks down (select the column, Home > Find & Select > Go To Special > Blanks, type = and the cell above, then Ctrl+Enter), or show the PivotTable with Repeat All Item Labels (PivotTable Design > Report Layout), and run again.`,
  };
}

/** One warning for every row that holds nothing, at the first of them. */
export function blankRowsNote(table: SourceTable, blank: number[]): Issue {
  const first = table.origin.row + 1 + blank[0];
  const n = blank.length;
  return {
    severity: 'warning',
    where: rangeAddress(table.sheet, table.origin.column, first, Math.max(1, table.header.length), 1),
    message: n === 1 ? `row ${first} is empty and was skipped` : `${n.toLocaleString('en-US')} empty rows were skipped (the first is row ${first})`,
  };
}

/**
 * A number written with the other decimal separator ("1.234,50" read with a decimal point): the fix is
 * a setting, not the cell. Only for text that reads as a number the other way.
 */
function otherSeparator(header: string, text: string, decimal: DecimalSeparator): string {
  return decimal === '.'
    ? `${header} "${text}" is not a number with a decimal point; it reads as one with a decimal comma. If the numbers of this data use a decimal comma, set "Numbers written as text" to decimal comma (locale.decimal ",")`
    : `${header} "${text}" is not a number with a decimal comma; it reads as one with a decimal point. If the numbers of this data use a decimal point, set "Numbers written as text" to decimal point (locale.decimal ".")`;
}

/** Buffers for n lines: the always-read columns, and the optional ones only when `columns` reads them. */
function allocate(n: number, columns?: LineColumns, customer: Int32Array = new Int32Array(n)): SalesLines {
  return {
    length: n,
    row: new Int32Array(n),
    customer,
    day: new Float64Array(n),
    amount: new Float64Array(n),
    profit: new Float64Array(n),
    quantity: columns?.keepQuantity ? new Float64Array(n) : undefined,
    spent: columns && columns.spent >= 0 ? new Float64Array(n) : undefined,
    order: columns && columns.order >= 0 ? new Int32Array(n) : undefined,
    product: columns && columns.product >= 0 ? new Int32Array(n) : undefined,
    category: columns && columns.category >= 0 ? new Int32Array(n) : undefined,
    orders: [],
    products: [],
    categories: [],
  };
}

// Views, not copies: the buffers were sized for every row and most rows are kept.
function trim(l: SalesLines, k: number): SalesLines {
  return {
    ...l,
    length: k,
    row: l.row.subarray(0, k),
    customer: l.customer.subarray(0, k),
    day: l.day.subarray(0, k),
    amount: l.amount.subarray(0, k),
    profit: l.profit.subarray(0, k),
    quantity: l.quantity?.subarray(0, k),
    spent: l.spent?.subarray(0, k),
    order: l.order?.subarray(0, k),
    product: l.product?.subarray(0, k),
    category: l.category?.subarray(0, k),
  };
}

/** Only text dates carry evidence (of rows not filtered out); serial numbers, the usual case, carry none. */
export function chooseDateOrder(table: SourceTable, c: number, textDates: string[], issues: Issue[]): DateOrder {
  const { order, evidence } = detectDateOrder(textDates);
  if (order) return order;
  const where = rangeAddress(table.sheet, table.origin.column + c, table.origin.row + 1, 1, Math.max(1, table.rows.length));
  if (evidence === 'conflict') {
    issues.push({ severity: 'warning', where, message: 'the text dates mix day/month/year and month/day/year orders; read as month/day/year. Set locale.dateOrder to DMY or MDY; dates that do not fit are listed as issues.' });
  } else if (evidence === 'ambiguous') {
    issues.push({ severity: 'warning', where, message: 'every text date could be day/month or month/day (no day above 12); read as month/day/year, as Excel does in en-US. Set locale.dateOrder to DMY if that is wrong.' });
  }
  return 'MDY';
}

/**
 * A mapped column whose header heads another column too (`Sales` twice): the first is read, as a name
 * finds it, and the other said at its header cell, so a user who meant the second can rename the first.
 */
function duplicateHeaders(table: SourceTable, mapping: ColumnMapping): Issue[] {
  const headerCell = (c: number) => cellAddress(table.sheet, table.origin.column + c, table.origin.row);
  return (Object.entries(mapping) as [ColumnRole, number][]).flatMap(([role, c]) => {
    const name = normalizeHeader(table.header[c]);
    if (name === '') return [];
    return table.header.flatMap((h, other): Issue[] =>
      other !== c && normalizeHeader(h) === name
        ? [{ severity: 'warning', where: headerCell(other), message: `"${headerText(table.header, other)}" also heads ${headerCell(c)}: Tierwise reads the ${ROLE_LABELS[role]} column from ${headerCell(c)}, and not this one. If this is the one you mean, rename one of the two headers.` }]
        : [],
    );
  });
}

/**
 * Compiles the filters once; undefined when there are none. Values compare as trimmed text. `found[i]`
 * collects the values of filter i that some row holds: every filter sees every row for it.
 */
function compileFilters(header: readonly Cell[], filters: Config['filters'], issues: Issue[]): { keeps(row: Cell[]): boolean; found: Set<string>[]; columns: number[] } | undefined {
  if (filters.length === 0) return undefined;
  const tests: ((row: Cell[]) => boolean)[] = [];
  const found = filters.map(() => new Set<string>());
  const columns = filters.map((f, i) => {
    const c = columnNamed(header, f.column);
    if (c < 0) {
      issues.push({ severity: 'error', where: `filters[${i}].column`, message: `no column is headed "${f.column}"` });
      return c;
    }
    const listed = new Set(f.in ?? f.notIn);
    const keepListed = f.in !== undefined;
    tests.push((row) => {
      const v = keyText(row[c]);
      const has = listed.has(v);
      if (has) found[i].add(v);
      return has === keepListed;
    });
    return c;
  });
  return {
    keeps(row) {
      let kept = true;
      for (const t of tests) if (!t(row)) kept = false;
      return kept;
    },
    found,
    columns,
  };
}
