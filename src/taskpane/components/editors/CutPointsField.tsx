// Custom cut points for one RFM measure, typed as numbers separated by semicolons ("30; 90; 180; 365").
// Blank: scores by quantiles. Text with something that is not a number stays in the box with a
// message, and the configuration keeps its last readable cut points.
import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Issue } from '../../../engine/types';
import { readTypedNumber, typedText, useFormats } from '../../format';
import { fieldState } from '../FieldIssue';

export interface CutPointsFieldProps {
  label: string;
  hint: string;
  value: number[] | undefined;
  issues: Issue[];
  onChange(value: number[] | undefined): void;
}

const SEPARATOR = ';';

const textOf = (value: number[] | undefined, locale: string) => (value ?? []).map((v) => typedText(v, locale)).join(`${SEPARATOR} `);

/** The numbers in `text`, or the first part that is not one. */
export function readCutPoints(text: string, locale: string): { value: number[] | undefined } | { wrong: string } {
  const parts = text.split(SEPARATOR).map((p) => p.trim());
  if (parts.every((p) => p === '')) return { value: undefined };
  const value: number[] = [];
  for (const p of parts) {
    if (p === '') continue;
    const n = readTypedNumber(p, locale);
    if (n === undefined) return { wrong: p };
    value.push(n);
  }
  return { value };
}

export function CutPointsField({ label, hint, value, issues, onChange }: CutPointsFieldProps) {
  const { locale } = useFormats();
  const [text, setText] = useState(() => textOf(value, locale));
  const [wrong, setWrong] = useState<string>();
  useEffect(() => {
    setText((t) => {
      const read = readCutPoints(t, locale);
      return 'value' in read && JSON.stringify(read.value) === JSON.stringify(value) ? t : textOf(value, locale);
    });
    setWrong(undefined);
  }, [value, locale]);
  const own: Issue[] = wrong !== undefined ? [{ severity: 'error', where: label, message: `"${wrong}" is not a number; separate the cut points with "${SEPARATOR}"` }] : issues;
  return (
    <Field label={label} hint={hint} {...fieldState(own)}>
      <Input
        value={text}
        placeholder="by quantiles"
        onChange={(_, d) => {
          setText(d.value);
          const read = readCutPoints(d.value, locale);
          if ('wrong' in read) {
            setWrong(read.wrong);
            return;
          }
          setWrong(undefined);
          onChange(read.value);
        }}
      />
    </Field>
  );
}
