// Lines left out only for a column no segment type reads: said once at that column's header, with the
// way to keep them (the column set to not mapped), which keeps them (src/engine/unread-columns.ts).
import { segment } from '../../src/engine/run';
import { config, table, ABC_80_15_5 } from '../support/tables';
import type { Cell } from '../../src/engine/types';

// Worked by hand: C1's line fails only its Quantity (`5 pcs`), C2's only its Order ID (#N/A), C4's its
// Sales (`x`) and its Quantity. ABC by sales reads neither Quantity nor Order ID, so C1's and C2's lines
// are left out only for them; C4's is not (its Sales is unreadable too).
const HEADER = ['Customer', 'Sales', 'Quantity', 'Order ID'];
const ROWS: Cell[][] = [
  ['C1', 100, '5 pcs', 'O1'],
  ['C2', 50, 3, '#N/A'],
  ['C3', 20, 2, 'O3'],
  ['C4', 'x', '4 kg', 'O4'],
];
const UNITS_ABC = { ...ABC_80_15_5, name: 'Units ABC', measure: 'quantity' as const };
const unreadNotes = (issues: { message: string }[]) => issues.filter((i) => / left out only for /.test(i.message));

describe('lines left out only for a column no segment type reads', () => {
  it('are counted in one warning at the first such column, naming both columns and how to keep the lines', () => {
    const run = segment(table(HEADER, ROWS), config({ segmentTypes: [ABC_80_15_5] }));
    expect(run.leftOutRows).toBe(3);
    expect(unreadNotes(run.issues)).toEqual([
      {
        severity: 'warning',
        where: 'Sales!C1',
        message:
          '2 lines are left out only for their Quantity and Order ID cells, and no segment type reads those columns: to count them, set Quantity and Order ID to (not mapped) in the Data step (in a configuration file, "quantity": null, "order": null under "columns"), or correct the cells.',
      },
    ]);
  });

  it('are not those of a column a segment type reads: an ABC by units reads Quantity, so only the Order ID line is said', () => {
    const run = segment(table(HEADER, ROWS), config({ segmentTypes: [ABC_80_15_5, UNITS_ABC] }));
    expect(unreadNotes(run.issues)).toEqual([
      {
        severity: 'warning',
        where: 'Sales!D1',
        message:
          '1 line is left out only for its Order ID cell, and no segment type reads that column: to count it, set Order ID to (not mapped) in the Data step (in a configuration file, "order": null under "columns"), or correct the cells.',
      },
    ]);
  });

  it('are kept once the columns are not mapped, and nothing is said of them', () => {
    const run = segment(table(HEADER, ROWS), config({ columns: { quantity: null, order: null }, segmentTypes: [ABC_80_15_5] }));
    expect(run.leftOutRows).toBe(1);
    expect(run.issues.map((i) => i.where)).toEqual(['Sales!B5']);
    expect(run.customers.ids).toEqual(['C1', 'C2', 'C3']);
    expect(run.mapping.quantity).toBeUndefined();
  });

  it('are none when no mapped column goes unread', () => {
    const run = segment(table(['Customer', 'Sales'], [['C1', 'x'], ['C2', 5]]), config({ segmentTypes: [ABC_80_15_5] }));
    expect(unreadNotes(run.issues)).toEqual([]);
  });
});
