// What the kept lines say about the data as a whole, beyond any one line: several currencies, a profit
// column of rates, credit notes written positive, dates centuries away. Each is a warning with its way
// out, never a change to the numbers; the DuckDB path asks the same of its typed lines and says them
// alike, in this order.
import { countTypeLine, creditNotesIssue, type TypeLines } from './credit-notes';
import { currencyCounts, currencyMixIssue } from './currency-mix';
import { farDatesIssue, farDays } from './far-dates';
import { epochDayToIso } from './parse/date';
import { currencyColumn, documentTypeColumn } from './parse/headers';
import { profitFigures, profitRateIssue } from './rate-column';
import { keyText, type LineBuffers } from './read-lines';
import type { Issue, SourceTable } from './types';

/** `amount`, `profit` and `date` are the mapped columns (-1 without one); `headerAt` a column's header as the messages name it. */
export function keptLineNotes(table: SourceTable, lines: Pick<LineBuffers, 'row' | 'amount' | 'profit' | 'day'>, columns: { amount: number; profit: number; date: number }, headerAt: (column: number) => string): Issue[] {
  const { amount, profit, date } = columns;
  const rows = table.rows;
  const notes: (Issue | undefined)[] = [];
  const currency = currencyColumn(table.header);
  if (currency >= 0) notes.push(currencyMixIssue(table, currency, headerAt(currency), currencyCounts(Array.from(lines.row, (r) => keyText(rows[r][currency])))));
  if (profit >= 0 && amount >= 0) notes.push(profitRateIssue(table, profit, headerAt(profit), headerAt(amount), profitFigures(lines.profit, lines.amount)));
  const type = documentTypeColumn(table.header);
  if (type >= 0 && amount >= 0 && type !== amount) {
    const perType = new Map<string, TypeLines>();
    for (let i = 0; i < lines.row.length; i++) countTypeLine(perType, keyText(rows[lines.row[i]][type]), lines.amount[i], lines.row[i]);
    notes.push(creditNotesIssue(table, type, headerAt(type), amount, headerAt(amount), perType));
  }
  if (date >= 0) {
    const far = farDays(lines.day);
    notes.push(farDatesIssue(table, date, headerAt(date), far.count, far.count > 0 ? epochDayToIso(far.latest) : ''));
  }
  return notes.filter((n): n is Issue => n !== undefined);
}
