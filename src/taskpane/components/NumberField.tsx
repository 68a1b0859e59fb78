// A number typed in the user's locale. Blank means "none" (a band open at one end); text that is
// not a number, or that reads as one only in another locale ("1,5" in English), stays in the box
// with a message instead of being lost, guessed or silently changed. Not focused, the box shows the
// number grouped as the locale writes it (12,500); focused, what the user types.
import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Issue } from '../../engine/types';
import { groupedText, parseTypedNumber, typedText, useFormats } from '../format';
import { fieldState } from './FieldIssue';

export interface NumberFieldProps {
  label: string;
  value: number | undefined;
  onChange(value: number | undefined): void;
  issues: Issue[];
  /** Shown when blank, e.g. "no minimum". */
  placeholder?: string;
  /** Blank is not allowed: the field says so. */
  required?: boolean;
  /** False for numbers nobody groups: a year reads 2017, not 2,017. */
  grouping?: boolean;
  /** The input's id, so a message elsewhere can focus it. */
  id?: string;
}

export function NumberField({ label, value, onChange, issues, placeholder, required, grouping = true, id }: NumberFieldProps) {
  const { locale } = useFormats();
  const shown = (n: number | undefined) => (grouping ? groupedText(n, locale) : typedText(n, locale));
  const [text, setText] = useState(() => shown(value));
  const [typo, setTypo] = useState<string>();
  // An outside change (a reset, a reorder, a linked boundary) replaces what is shown, unless it is what was typed.
  useEffect(() => {
    setText((t) => {
      const r = parseTypedNumber(t, locale);
      return r.ok && r.value === value && t.trim() !== '' ? t : shown(value);
    });
    setTypo(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `shown` is a new function each render; only a new value or locale replaces the text
  }, [value, locale]);
  const own: Issue[] = typo ? [{ severity: 'error', where: label, message: typo }] : issues;
  return (
    <Field label={label} {...fieldState(own)}>
      <Input
        id={id}
        value={text}
        inputMode="decimal"
        placeholder={placeholder}
        onBlur={() => {
          // Leaving the box with a number in it shows it the way the locale writes it.
          if (!typo && text.trim() !== '') setText(shown(value));
        }}
        onChange={(_, d) => {
          setText(d.value);
          if (d.value.trim() === '') {
            setTypo(required ? `${label} is required` : undefined);
            if (!required) onChange(undefined);
            return;
          }
          const r = parseTypedNumber(d.value, locale);
          setTypo(r.ok ? undefined : r.message);
          if (r.ok) onChange(r.value);
        }}
      />
    </Field>
  );
}
