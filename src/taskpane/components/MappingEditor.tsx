// The detected column per role, with a drop-down to correct it. The choice is saved by header text.
import { Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { ROLE_LABELS } from '../../engine/ingest';
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole, type Issue } from '../../engine/types';
import type { Config } from '../../engine/config';
import { issuesAt } from '../state/validation';
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
  onChange(role: ColumnRole, header: string | undefined): void;
}

export function MappingEditor({ header, mapping, columns, issues, onChange }: MappingEditorProps) {
  const styles = useStyles();
  return (
    <div className={styles.grid} role="group" aria-label="Columns">
      {COLUMN_ROLES.map((role) => {
        const i = mapping[role];
        const shown = i !== undefined ? header[i] || `column ${i + 1}` : NONE;
        const chosen = columns[role];
        return (
          <Field key={role} label={`${ROLE_LABELS[role]}${REQUIRED.has(role) ? ' (required)' : ''}`} {...fieldState(issuesAt(issues, `columns.${role}`))}>
            <Dropdown
              value={shown}
              selectedOptions={[chosen ?? AUTO]}
              data-role={role}
              className={styles.dropdown}
              onOptionSelect={(_, d) => onChange(role, d.optionValue === AUTO ? undefined : d.optionValue)}
            >
              <Option value={AUTO} text={AUTO}>
                {`${AUTO}${chosen === undefined ? `: ${shown}` : ''}`}
              </Option>
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
