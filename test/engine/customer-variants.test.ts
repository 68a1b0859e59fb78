// One customer written in several ways is several customers (ids compare exactly, SEMANTICS.md): said
// once, at the customer header, never merged.
import { customerVariantsIssue } from '../../src/engine/customer-variants';
import { segment } from '../../src/engine/run';
import { config, superstoreTable, table } from '../support/tables';

const at = { sheet: 'Sales', origin: { row: 1, column: 0 } };

describe('customers that differ only in letter case or spaces', () => {
  it('are said at the customer header, grouped in the order of their first spelling', () => {
    // Acme three ways (case, a double space), Beta two ways; Gamma alone.
    const r = segment(table(['Customer', 'Sales'], [['Acme GmbH', 100], ['Beta', 5], ['ACME GmbH', 50], ['Gamma', 1], ['Acme  GmbH', 20], ['beta', 3]]), config());
    expect(r.issues).toEqual([
      {
        severity: 'warning',
        where: 'Sales!A1',
        message:
          '5 customers differ from another only in letter case or spaces ("Acme GmbH" and "ACME GmbH" and "Acme  GmbH"; "Beta" and "beta"): each spelling is counted as a customer of its own, so their sales are split. If they are one customer, write them alike in the source, and run again.',
      },
    ]);
    // Counted apart all the same.
    expect(r.customers.ids).toEqual(['Acme GmbH', 'Beta', 'ACME GmbH', 'Gamma', 'Acme  GmbH', 'beta']);
  });

  it('shows three groups and counts the rest; a tab or a no-break space is a space', () => {
    const ids = ['a', 'A', 'b', 'B', 'c', 'C', 'd', 'D', 'x\ty', 'X\u00a0Y'];
    expect(customerVariantsIssue(at, 0, ids)?.message).toMatch(/^10 customers differ .* \("a" and "A"; "b" and "B"; "c" and "C", and 2 more\)/);
  });

  it('says nothing when every customer is written one way, as on the Superstore sample', () => {
    expect(customerVariantsIssue(at, 0, ['C1', 'C2', 'C 1', 'C-1'])).toBeUndefined();
    expect(segment(superstoreTable(), config()).issues).toEqual([]);
  });
});
