// A profit column that holds rates: an export with `Margin` beside `Sales` often means the margin as a
// share of the sale (0.25, shown as 25 %), not an amount. Tierwise adds its profit column as money, so a
// column of rates puts every customer in the lowest profit band and ranks by profit on nothing. Said,
// not fixed: the amounts are the user's to compute (Sales x rate), and a shop with small tickets may
// truly earn under 1 a line, which is why the values alone ask for most sales to be well above it.
import { cellAddress } from './address';
import { isMoneyFormat, isPercentFormat } from './money-format';
import type { Issue, SourceTable } from './types';

/** What the check needs of the kept lines; one pass on either executor. */
export interface ProfitFigures {
  /** Kept lines. */
  lines: number;
  /** Kept lines whose profit is a number other than 0. */
  nonZero: number;
  /** Kept lines whose profit is above 1 or below -1. */
  beyondOne: number;
  /** Kept lines whose sales are above LARGE_SALE or below -LARGE_SALE. */
  largeSales: number;
}

/** Fewer kept lines than this tell nothing from their values. */
export const RATE_MIN_LINES = 10;
/** A sale above this with a profit within -1 to 1 on every line would be a margin under 5 %: a rate is likelier. */
export const LARGE_SALE = 20;

/** The figures from the engine's kept line buffers (NaN, a blank profit, counts as no profit). */
export function profitFigures(profit: ArrayLike<number>, amount: ArrayLike<number>): ProfitFigures {
  let nonZero = 0;
  let beyondOne = 0;
  let largeSales = 0;
  for (let i = 0; i < profit.length; i++) {
    const p = profit[i];
    if (p !== 0 && !Number.isNaN(p)) nonZero++;
    if (p > 1 || p < -1) beyondOne++;
    if (amount[i] > LARGE_SALE || amount[i] < -LARGE_SALE) largeSales++;
  }
  return { lines: profit.length, nonZero, beyondOne, largeSales };
}

/**
 * One warning at the profit column's header when it holds rates: formatted as a percentage (a
 * workbook's own word), or, in a column not formatted as money, every kept line's profit within -1 to 1
 * while most sales lie beyond LARGE_SALE.
 */
export function profitRateIssue(table: Pick<SourceTable, 'sheet' | 'origin' | 'numberFormats'>, column: number, header: string, amountHeader: string, figures: ProfitFigures): Issue | undefined {
  if (figures.nonZero === 0) return undefined;
  const format = table.numberFormats?.[column];
  const percent = isPercentFormat(format);
  // A money format is the workbook saying amounts, whatever the values look like.
  const byValues = !isMoneyFormat(format) && figures.lines >= RATE_MIN_LINES && figures.beyondOne === 0 && figures.largeSales * 2 > figures.lines;
  if (!percent && !byValues) return undefined;
  const seen = percent
    ? `${header} is formatted as a percentage (${format}): it holds rates, 0.25 for 25 %`
    : `every ${header} value of the kept lines lies between -1 and 1 while most ${amountHeader} values are above ${LARGE_SALE}: they look like rates (0.25 for 25 %)`;
  const unless = percent ? '' : '; if they are amounts, ignore this warning';
  return {
    severity: 'warning',
    where: cellAddress(table.sheet, table.origin.column + column, table.origin.row),
    message: `${seen}, but Tierwise reads its profit column as amounts, so the Profit figures, profit bands and rankings by profit would be wrong. Map a column of profit amounts as Profit, or add one (${amountHeader} x ${header}) and map it${unless}.`,
  };
}
