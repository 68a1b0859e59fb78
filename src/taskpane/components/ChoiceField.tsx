// One choice out of a fixed list, labelled, as a drop-down: the shape the "pick one" settings share (the
// Data step's window kind, start month, decimal separator, date order, a filter's column and mode; the
// measure of ABC and bands).
import { Dropdown, Field, Option, makeStyles } from '@fluentui/react-components';
import type { Issue } from '../../engine/types';
import { fieldState } from './FieldIssue';

const useStyles = makeStyles({
  dropdown: { minWidth: 0, width: '100%' },
});

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceFieldProps<T extends string> {
  label: string;
  hint?: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange(value: T): void;
  issues?: Issue[];
  className?: string;
  /** Shown while nothing is chosen (value ''). */
  placeholder?: string;
  /** The drop-down's id, so a message elsewhere can focus it. */
  id?: string;
}

export function ChoiceField<T extends string>({ label, hint, value, choices, onChange, issues = [], className, placeholder, id }: ChoiceFieldProps<T>) {
  const styles = useStyles();
  return (
    <Field className={className} label={label} hint={hint} {...fieldState(issues)}>
      <Dropdown
        id={id}
        className={styles.dropdown}
        value={choices.find((c) => c.value === value)?.label ?? value}
        selectedOptions={value === '' ? [] : [value]}
        placeholder={placeholder}
        onOptionSelect={(_, d) => {
          const chosen = choices.find((c) => c.value === d.optionValue);
          if (chosen && chosen.value !== value) onChange(chosen.value);
        }}
      >
        {choices.map((c) => (
          <Option key={c.value} value={c.value}>
            {c.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
