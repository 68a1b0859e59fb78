// Lines in several currencies are added as they are (SEMANTICS.md knows one currency): said once, at
// the currency column's header, with each currency's kept lines, never converted.
import { ingest } from '../../src/engine/ingest';
import { currencyColumn } from '../../src/engine/parse/headers';
import type { Cell } from '../../src/engine/types';
import { config, table } from '../support/tables';

const HEAD = ['Customer', 'Währung', 'Sales'];
const warnings = (rows: Cell[][], filters = {}) => ingest(table(HEAD, rows), config(filters)).issues.filter((i) => i.severity === 'warning');

describe('lines in more than one currency', () => {
  it('are said at the currency header with each currency, the most lines first', () => {
    // EUR on rows 2 and 4, USD (written with spaces) on row 3, JPY on row 6; row 5 has none, row 7 is
    // left out (no customer) and is not counted.
    const rows: Cell[][] = [['C1', 'EUR', 100], ['C2', ' USD ', 50], ['C3', 'EUR', 20], ['C4', '', 5], ['C5', 'JPY', 1000], ['', 'GBP', 1]];
    expect(warnings(rows)).toEqual([
      {
        severity: 'warning',
        where: 'Sales!B1',
        message:
          'the lines are in 3 currencies (EUR on 2 lines, JPY on 1 line, USD on 1 line): Tierwise adds the amounts as they are, so the tiers mix them. Convert the amounts to one currency first, or segment one currency at a time with a filter under "What is counted" (Währung, keep "EUR").',
      },
    ]);
  });

  it('lists four currencies and counts the rest', () => {
    const rows: Cell[][] = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'EUR'].map((c, i) => [`C${i}`, c, 10]);
    expect(warnings(rows)[0].message).toMatch(/^the lines are in 5 currencies \(EUR on 2 lines, CHF on 1 line, GBP on 1 line, JPY on 1 line, and 1 more\)/);
  });

  it('says nothing for one currency, for lines filtered to one, or without a currency column', () => {
    expect(warnings([['C1', 'EUR', 1], ['C2', 'EUR', 2], ['C3', '', 3]])).toEqual([]);
    expect(warnings([['C1', 'EUR', 1], ['C2', 'USD', 2]], { filters: [{ column: 'Währung', in: ['EUR'] }] })).toEqual([]);
    expect(ingest(table(['Customer', 'Region', 'Sales'], [['C1', 'EUR', 1], ['C2', 'USD', 2]]), config()).issues).toEqual([]);
  });

  it('finds the column by the headers ERP exports use', () => {
    for (const h of ['Currency', 'currency code', 'Crcy', 'WAEHRUNG', 'Devise', 'Moneda', 'Valuta']) expect(currencyColumn(['Customer', h, 'Sales'])).toBe(1);
    expect(currencyColumn(['Customer', 'Sales (EUR)', 'Currency rate'])).toBe(-1);
  });
});
