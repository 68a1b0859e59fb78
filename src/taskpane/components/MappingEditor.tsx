// The detected column per role, with a drop-down to correct it. The choice is saved by header text.
import { Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { ROLE_LABELS } from '../../engine/ingest';
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole, type Issue } from '../../engine/types';
import type { Config } from '../../engine/config';
import { issuesAt } from '../state/validation';
import { useFormats } from '../format';
import { fieldState } from './FieldIssue';

const useStyles = makeStyles({
  dropdown: { minWidth: 0, width: '100%' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(12em, 1fr))', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
});

const REQUIRED: ReadonlySet<ColumnRole> = new Set(['customer', 'amount']);
const AUTO = '(detected)';
const NONE = '(not mapped)';

export interface MappingEditorProps {
  header: string[];
  mapping: ColumnMapping;
  columns: Config['columns'];
  issues: Issue[];
  /** A header; undefined: detected from the header row; null: not mapped (optional roles only). */
  onChange(role: ColumnRole, header: string | null | undefined): void;
  /** Number roles whose column held text: the cells that were not numbers (Prepared's `textCells`). */
  textCells?: Partial<Record<ColumnRole, number>>;
}

/** "1,234 cells of Customer Name are not numbers: is it the Sales amount column?" */
export const textColumnMessage = (count: number, column: string, role: ColumnRole, integer: (n: number) => string): string =>
  `${integer(count)} cell${count === 1 ? '' : 's'} of ${column} ${count === 1 ? 'is' : 'are'} not a number: is it the ${ROLE_LABELS[role]} column? Their rows are left out.`;

export function MappingEditor({ header, mapping, columns, issues, onChange, textCells = {} }: MappingEditorProps) {
  const styles = useStyles();
  const f = useFormats();
  return (
    <div className={styles.grid} role="group" aria-label="Columns">
      {COLUMN_ROLES.map((role) => {
        const i = mapping[role];
        const shown = i !== undefined ? header[i] || `column ${i + 1}` : NONE;
        const chosen = columns[role];
        const text = textCells[role];
        const own = issuesAt(issues, `columns.${role}`);
        const said: Issue[] = text ? [...own, { severity: 'warning', where: `columns.${role}`, message: textColumnMessage(text, shown, role, f.integer) }] : own;
        return (
          <Field key={role} label={`${ROLE_LABELS[role]}${REQUIRED.has(role) ? ' (required)' : ''}`} {...fieldState(said)}>
            <Dropdown
              value={shown}
              selectedOptions={[chosen === null ? NONE : (chosen ?? AUTO)]}
              data-role={role}
              className={styles.dropdown}
              onOptionSelect={(_, d) => onChange(role, d.optionValue === AUTO ? undefined : d.optionValue === NONE ? null : d.optionValue)}
            >
              <Option value={AUTO} text={AUTO}>
                {`${AUTO}${chosen === undefined ? `: ${shown}` : ''}`}
              </Option>
              {/* An optional column a segment type does not read can be left out, so its cells leave no line out. */}
              {REQUIRED.has(role) ? null : (
                <Option value={NONE} text={NONE}>
                  {NONE}
                </Option>
              )}
              {header.map((h, k) =>
                h.trim() === '' ? null : (
                  <Option key={k} value={h}>
                    {h}
                  </Option>
                ),
              )}
            </Dropdown>
          </Field>
        );
      })}
    </div>
  );
}
