// A number typed in the user's locale. Blank means "none" (a band open at one end); text that is
// not a number stays in the box with a message instead of being lost or silently changed.
import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Issue } from '../../engine/types';
import { readTypedNumber, typedText, useFormats } from '../format';
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
}

export function NumberField({ label, value, onChange, issues, placeholder, required }: NumberFieldProps) {
  const { locale } = useFormats();
  const [text, setText] = useState(() => typedText(value, locale));
  const [typo, setTypo] = useState(false);
  // An outside change (a reset, a reorder) replaces what is shown, unless it is what was typed.
  useEffect(() => {
    setText((t) => (readTypedNumber(t, locale) === value && t.trim() !== '' ? t : typedText(value, locale)));
    setTypo(false);
  }, [value, locale]);
  const own: Issue[] = typo ? [{ severity: 'error', where: label, message: `"${text}" is not a number` }] : issues;
  return (
    <Field label={label} {...fieldState(own)}>
      <Input
        value={text}
        inputMode="decimal"
        placeholder={placeholder}
        onChange={(_, d) => {
          setText(d.value);
          if (d.value.trim() === '') {
            setTypo(Boolean(required));
            if (!required) onChange(undefined);
            return;
          }
          const n = readTypedNumber(d.value, locale);
          setTypo(n === undefined);
          if (n !== undefined) onChange(n);
        }}
      />
    </Field>
  );
}
