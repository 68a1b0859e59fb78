// Why a text is not an amount, in words a user can act on, where more can be said than "not a number".
// Runs only for left-out cells; readNumber stays the one judge of what is a number.
import { readNumber, type DecimalSeparator } from './number';

/** `123.45 CR`, `DR 99`: a ledger's credit or debit mark. */
const LEDGER_MARK = /^\s*(?:(?<before>CR|DR)\.?\s*(?<rest1>.+?)|(?<rest2>.+?)\s*(?<after>CR|DR)\.?)\s*$/i;
/** `1.2k`, `3,5 Mio`, `2M`, `1.1bn`: an amount shortened by its magnitude. */
const MAGNITUDE = /^\s*(?<rest>.*?\d)\s*(?<unit>k|K|M|Mio\.?|Mn|mn|bn|Bn|Mrd\.?)\s*$/;
const MAGNITUDE_WORD: Record<string, string> = { k: 'thousands', m: 'millions', mio: 'millions', mn: 'millions', bn: 'billions', mrd: 'billions' };
/** `5 pcs`, `3 Stk.`, `2kg`: a quantity with its unit, as order lines and stock lists write one. */
const UNIT_AFTER = /^\s*(?<rest>.*?\d)\s*(?<unit>\p{L}[\p{L}.]*)\s*$/u;

/**
 * `#####`: Excel shows a number too wide for its column so, and a CSV saved from Excel holds what the sheet
 * showed. Said the same for dates (date-trouble.ts).
 */
export const NARROW_COLUMN = /^\s*#{2,}\s*$/;
export const NARROW_COLUMN_SAID = 'Excel shows ##### when a column is too narrow for its number or date, and saving as CSV writes what it shows: widen the column in the workbook, save the CSV again, and run again';

/**
 * `NULL`, `None`, `NaN`, `NaT`, `n/a`: a missing value as a database export (SQL Server's "Save results
 * as" writes NULL), a script (pandas) or a person writes it. Said the same for dates (date-trouble.ts).
 */
const NO_VALUE = /^\s*(?:null|none|nan|nat|n\/a|na|nil)\s*$/i;
export const noValueSaid = (text: string): string | undefined =>
  NO_VALUE.test(text) ? `${text.trim()} marks a missing value (databases write NULL, pandas NaN or None), and Tierwise does not guess one` : undefined;

/**
 * Why `text` (not blank, no Excel error, unreadable with `decimal` either way) is no amount; undefined
 * when nothing more precise than "not a number" can be said.
 */
export function whyNotANumber(text: string, decimal: DecimalSeparator): string | undefined {
  if (NARROW_COLUMN.test(text)) return NARROW_COLUMN_SAID;
  const missing = noValueSaid(text);
  if (missing) return `${missing}: type the number, 0 if there is none`;
  // `=100*1.2` in a CSV: Excel computes it when it opens the file; Tierwise reads values, never formulas.
  if (/^\s*=/.test(text)) return 'it is a formula, which Excel computes when it opens the file and Tierwise does not: write its result, or open the file in Excel and save it as a workbook, whose cells hold the results';
  const reads = (t: string) => !Number.isNaN(readNumber(t, decimal));
  if (/%\s*$/.test(text) && reads(text.replace(/%\s*$/, ''))) return 'a percentage is a rate, not an amount: map a column of amounts, or compute one (the amount x the rate)';
  const mark = LEDGER_MARK.exec(text)?.groups;
  const marked = mark && (mark.rest1 ?? mark.rest2);
  if (mark && marked && reads(marked)) {
    const credit = (mark.before ?? mark.after).toUpperCase() === 'CR';
    return `${credit ? 'CR marks a credit' : 'DR marks a debit'}, whose sign depends on the account: Tierwise reads a sale as a positive amount and a return or credit note as a negative one, so write each amount with its sign (here ${credit ? '-' : ''}${marked.trim()}), or convert the column`;
  }
  const short = MAGNITUDE.exec(text)?.groups;
  if (short && reads(short.rest)) return `the amount is shortened (${short.unit} for ${MAGNITUDE_WORD[short.unit.replace('.', '').toLowerCase()]}): write it in full, as the amount of the sale`;
  // A unit is not guessed away: a column may mix units (`2 kg`, `5 pcs`), and then the numbers do not add up.
  const unit = UNIT_AFTER.exec(text)?.groups;
  if (unit && reads(unit.rest)) return `a unit (${unit.unit}) follows the number: write the number alone, in one unit for the whole column (Excel's Find and Replace can remove "${unit.unit}")`;
  return undefined;
}
