// Credit notes with positive amounts. Many ledgers and ERP line lists (a posted documents' list, a billing
// documents' list) write a credit note's amount as a positive number beside a document type that says
// `Credit Memo`, `Gutschrift` or `Avoir`. Tierwise reads a return as a negative amount (SEMANTICS.md 1),
// so such lines raise their customers' sales instead of lowering them. Said, not fixed: whether a type is
// a credit is read from its words, which is a guess the user can check in one look.
import { sourceCellAddress } from './address';
import { normalizeHeader } from './parse/headers';
import { firstOf, linesCount } from './said';
import type { Issue, SourceTable } from './types';

/** A document type's kept lines, by the sign of their amount. */
export interface TypeLines {
  positive: number;
  negative: number;
  /** The first kept line with a positive amount (a data row index, as SourceTable.rows); -1 with none. */
  firstPositive: number;
}

/**
 * Words of a credit note, a return or a refund, as the header languages write a document type.
 * `Credit` alone is not one: a till's export heads its way of payment `Type` too (Credit, Debit, Cash).
 */
const CREDIT = /\bcredit ?(?:memo|note|invoice)|\bsales credit\b|\bcr memo\b|\bgutschrift|\bretoure|\bavoir\b|\babono\b|\bnota de credito\b|\brectificativa\b|\bcreditnota|\bcreditfactuur|\bnota di credito\b|\bstorno\b|\breso\b|\bdevolucao\b|\brefund|\breturn/;

/** Whether a document type names a credit note (`Credit Memo`, `Sales Cr.Memo`, `Gutschrift`, `Avoir`, `Return`). */
export const isCreditType = (type: string): boolean => CREDIT.test(normalizeHeader(type));

/** Adds one kept line to its type's counts (`perType`, by the type's trimmed text). */
export function countTypeLine(perType: Map<string, TypeLines>, type: string, amount: number, row: number): void {
  if (type === '' || !(amount > 0 || amount < 0)) return;
  let t = perType.get(type);
  if (!t) perType.set(type, (t = { positive: 0, negative: 0, firstPositive: -1 }));
  if (amount > 0) {
    t.positive++;
    if (t.firstPositive < 0 || row < t.firstPositive) t.firstPositive = row;
  } else t.negative++;
}

/**
 * One warning at the first such line's amount when the kept lines of credit-note types are mostly
 * positive (more positive than negative): the types with positive lines listed, the most first.
 */
export function creditNotesIssue(
  table: Pick<SourceTable, 'sheet' | 'origin'>,
  typeColumn: number,
  typeHeader: string,
  amountColumn: number,
  amountHeader: string,
  perType: ReadonlyMap<string, TypeLines>,
): Issue | undefined {
  const credits = [...perType].filter(([type]) => isCreditType(type));
  const positive = credits.reduce((n, [, t]) => n + t.positive, 0);
  const negative = credits.reduce((n, [, t]) => n + t.negative, 0);
  if (positive === 0 || positive <= negative) return undefined;
  const shown = credits.filter(([, t]) => t.positive > 0).sort(([a, s], [b, t]) => t.positive - s.positive || (a < b ? -1 : a > b ? 1 : 0));
  const first = Math.min(...shown.map(([, t]) => t.firstPositive));
  const names = firstOf(shown.map(([type]) => `"${type}"`));
  return {
    severity: 'warning',
    where: sourceCellAddress(table, amountColumn, first),
    message: `${linesCount(positive)} whose ${typeHeader} is a credit note (${names}) ${positive === 1 ? 'has' : 'have'} a positive amount in ${amountHeader} (the first is here): Tierwise adds each line's amount as it is, so these credit notes raise their customers' sales instead of lowering them. Make their amounts negative, as a return is, or leave them out with a filter under "What is counted" (${typeHeader}, leave out ${shown.length === 1 ? names : 'these types'}).`,
  };
}
