// One filter: a column, keep only or leave out, and the values, picked from those in the column
// (compared as trimmed text, SEMANTICS.md section 2).
import { Button, Dropdown, Field, Option, Tooltip, makeStyles } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ColumnValues } from '../../engine/column-values';
import type { Filter } from '../../engine/config';
import type { Issue } from '../../engine/types';
import { useFormats } from '../format';
import { issuesAt } from '../state/validation';
import { ChoiceField, type Choice } from './ChoiceField';
import { fieldState, GroupIssues } from './FieldIssue';
import { listLineStyle, listRowStyle } from './editors/ListControls';

const useStyles = makeStyles({
  row: listRowStyle,
  line: listLineStyle('flex-end'),
  field: { flex: '1 1 9em', minWidth: 0 },
  dropdown: { minWidth: 0, width: '100%' },
});

/** Values listed per column; a column with more lists its most frequent ones. */
export const VALUES_LISTED = 500;

type Mode = 'in' | 'notIn';
const MODES: Choice<Mode>[] = [
  { value: 'in', label: 'Keep only' },
  { value: 'notIn', label: 'Leave out' },
];

export interface FilterRowProps {
  index: number;
  filter: Filter;
  columns: string[];
  issues: Issue[];
  valuesOf(column: string): Promise<ColumnValues | undefined>;
  onChange(filter: Filter): void;
  onRemove(): void;
}

export function FilterRow({ index, filter, columns, issues, valuesOf, onChange, onRemove }: FilterRowProps) {
  const styles = useStyles();
  const f = useFormats();
  const mode: Mode = filter.in !== undefined ? 'in' : 'notIn';
  const chosen = filter.in ?? filter.notIn ?? [];
  const [listed, setListed] = useState<ColumnValues | undefined>();
  // While the worker reads the column the list stays shut: an open list would not take the values in.
  const [reading, setReading] = useState(true);
  useEffect(() => {
    let current = true;
    setListed(undefined);
    // A new filter has no column yet: nothing to read (a column of order ids can take a while).
    setReading(filter.column !== '');
    if (filter.column === '') return;
    const done = (v: ColumnValues | undefined) => {
      if (!current) return;
      setListed(v);
      setReading(false);
    };
    valuesOf(filter.column).then(done, () => done(undefined));
    return () => {
      current = false;
    };
  }, [filter.column, valuesOf]);
  const set = (m: Mode, values: string[]) => onChange(m === 'in' ? { column: filter.column, in: values } : { column: filter.column, notIn: values });
  const inData = new Set(listed?.values ?? []);
  // Values saved in the configuration that this column no longer lists stay visible (and removable).
  const options = [...(listed?.values ?? []), ...chosen.filter((v) => !inData.has(v))];
  const name = `Filter ${index + 1}`;
  const note =
    chosen.length === 0 && filter.column !== ''
      ? mode === 'in'
        ? [{ severity: 'warning' as const, where: '', message: 'No value chosen: every line is left out. Choose the values to keep.' }]
        : [{ severity: 'warning' as const, where: '', message: 'No value chosen yet: the filter leaves nothing out.' }]
      : [];
  return (
    <div className={styles.row} role="group" aria-label={name}>
      <div className={styles.line}>
        <ChoiceField
          className={styles.field}
          label={`${name}: column`}
          placeholder="Choose a column"
          value={filter.column}
          choices={columns.map((c) => ({ value: c, label: c }))}
          issues={issuesAt(issues, `filters[${index}].column`)}
          onChange={(column) => onChange(mode === 'in' ? { column, in: [] } : { column, notIn: [] })}
        />
        <ChoiceField className={styles.field} label={`${name}: lines`} value={mode} choices={MODES} onChange={(m) => set(m, chosen)} />
        <Tooltip content={`Remove ${name.toLowerCase()}`} relationship="label">
          <Button appearance="subtle" icon={<Delete20Regular />} onClick={onRemove} />
        </Tooltip>
      </div>
      <Field
        label={`${name}: values`}
        hint={listed && listed.distinct > listed.values.length ? `The ${f.integer(listed.values.length)} most frequent of ${f.integer(listed.distinct)} values are listed.` : undefined}
        {...fieldState(issuesAt(issues, `filters[${index}]`))}
      >
        <Dropdown
          className={styles.dropdown}
          multiselect
          disabled={reading || filter.column === ''}
          placeholder={filter.column === '' ? 'Choose a column first' : reading ? 'Reading the column…' : 'Choose values'}
          value={chosen.join(', ')}
          selectedOptions={chosen}
          onOptionSelect={(_, d) => set(mode, d.selectedOptions)}
        >
          {options.map((v) => (
            <Option key={v} value={v} text={v}>
              {inData.has(v) || !listed ? v : `${v} (not in the data)`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <GroupIssues issues={note} />
    </div>
  );
}
