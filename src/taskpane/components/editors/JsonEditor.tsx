// The editor for kinds that do not have a form of their own yet: the segment type's settings as JSON,
// checked by the same schema as every configuration, with each problem shown by its path. It keeps the
// user's text while it is not valid JSON, so nothing typed is lost.
import { Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SegmentType } from '../../../engine/config';
import type { Issue } from '../../../engine/types';
import { GroupIssues } from '../FieldIssue';
import type { EditorProps } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  text: { fontFamily: tokens.fontFamilyMonospace, minHeight: '16em' },
});

/** Name and kind are edited in the segment type list; the JSON holds everything else. */
function settingsOf(value: SegmentType): string {
  const { name: _name, kind: _kind, ...rest } = value;
  return JSON.stringify(rest, null, 2);
}

/** Issues with the part of their path below `path` in front of the message (`levels[1].minPoints: ...`). */
export const relativeTo = (issues: readonly Issue[], path: string): Issue[] =>
  issues.map((i) => ({ ...i, message: `${i.where === path ? '' : `${i.where.slice(path.length).replace(/^\./, '')}: `}${i.message}` }));

export function JsonEditor<T extends SegmentType>({ value, path, issues, onChange }: EditorProps<T>) {
  const styles = useStyles();
  const [text, setText] = useState(() => settingsOf(value));
  const [syntax, setSyntax] = useState<string | undefined>();
  // A change from outside (another editor, a reload) replaces the text; our own edits round-trip unchanged.
  useEffect(() => {
    setText((current) => {
      try {
        return JSON.stringify(JSON.parse(current)) === JSON.stringify(JSON.parse(settingsOf(value))) ? current : settingsOf(value);
      } catch {
        return current;
      }
    });
  }, [value]);

  const edit = (next: string) => {
    setText(next);
    let parsed: unknown;
    try {
      parsed = JSON.parse(next);
    } catch (e) {
      setSyntax(`not valid JSON yet: ${(e as Error).message}`);
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setSyntax('the settings are one JSON object: { ... }');
      return;
    }
    setSyntax(undefined);
    onChange({ ...(parsed as object), name: value.name, kind: value.kind } as T);
  };

  const shown = relativeTo(issues, path);
  return (
    <div className={styles.root}>
      <Field
        label={`Settings of "${value.name}" (JSON)`}
        hint="The fields are described in docs/kinds.md; problems show below with where they are."
        validationState={syntax ? 'error' : undefined}
        validationMessage={syntax}
      >
        <Textarea className={styles.text} value={text} onChange={(_, d) => edit(d.value)} resize="vertical" spellCheck={false} />
      </Field>
      <GroupIssues issues={shown} />
    </div>
  );
}
