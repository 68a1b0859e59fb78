// Lines left out only for a column no segment type reads. SEMANTICS.md section 1 checks every mapped
// column on every row, so a Quantity column of `5 pcs`, or an order number that is `#N/A`, leaves a line
// out of an ABC by sales that never reads either. The rule stays (a column mapped is a column checked);
// the user is told which lines it costs and how to keep them: the column set to "not mapped".
import { cellAddress } from './address';
import { firstOf, linesCount } from './said';
import type { ColumnRole, Issue, SourceTable } from './types';

/** A mapped column and its role. */
export interface RoleColumn {
  role: ColumnRole;
  column: number;
}

/**
 * The warning for the left-out lines whose every unreadable cell lies in a column no segment type reads
 * (`rows`, in the table's order; `columns`, those that held such a cell, in the table's order), at the
 * first column's header; undefined when there are none.
 */
export function unreadOnlyNote(table: Pick<SourceTable, 'sheet' | 'origin'>, rows: readonly number[], columns: readonly RoleColumn[], headerAt: (c: number) => string): Issue | undefined {
  if (rows.length === 0 || columns.length === 0) return undefined;
  const one = rows.length === 1;
  const many = columns.length > 1;
  const names = firstOf(columns.map((c) => headerAt(c.column)), 3, ' and ');
  const nulls = columns.map((c) => `"${c.role}": null`).join(', ');
  return {
    severity: 'warning',
    where: cellAddress(table.sheet, table.origin.column + columns[0].column, table.origin.row),
    message:
      `${linesCount(rows.length)} ${one ? 'is' : 'are'} left out only for ${one ? 'its' : 'their'} ${names} ${one && !many ? 'cell' : 'cells'}, ` +
      `and no segment type reads ${many ? 'those columns' : 'that column'}: to count ${one ? 'it' : 'them'}, set ${names} to (not mapped) in the Data step ` +
      `(in a configuration file, ${nulls} under "columns"), or correct the cells.`,
  };
}
