// The selected segment type: its name, then the editor its kind registered.
import { Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ComponentType } from 'react';
import type { SegmentType } from '../../engine/config';
import type { Issue } from '../../engine/types';
import { issuesAt, issuesUnder } from '../state/validation';
import { EDITORS } from './editors/registry';
import type { EditorProps } from './editors/types';
import { fieldState } from './FieldIssue';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface SegmentEditorProps {
  type: SegmentType;
  index: number;
  issues: Issue[];
  onRename(name: string): void;
  onChange(next: SegmentType): void;
  /** Every segment type of the draft (the XYZ editor offers the ABC types to cross with). */
  types?: readonly SegmentType[];
}

/** The name box's id: a new type's name receives the focus (Pane). */
export const SEGMENT_TYPE_NAME_ID = 'segment-type-name';

export function SegmentEditor({ type, index, issues, onRename, onChange, types }: SegmentEditorProps) {
  const styles = useStyles();
  const path = `segmentTypes[${index}]`;
  const entry = EDITORS[type.kind];
  // The registry pairs each kind with its own editor; indexing by a union loses that pairing for tsc.
  const Editor = entry.Editor as ComponentType<EditorProps<SegmentType>>;
  return (
    <section className={styles.root} aria-label={`Edit ${type.name}`}>
      <Field label="Segment type name" {...fieldState(issuesAt(issues, `${path}.name`))}>
        <Input id={SEGMENT_TYPE_NAME_ID} value={type.name} onChange={(_, d) => onRename(d.value)} />
      </Field>
      <Text size={200} className={styles.hint}>
        {entry.label}: {entry.description}
      </Text>
      <Editor value={type} path={path} issues={issuesUnder(issues, path)} onChange={onChange} types={types ?? [type]} />
    </section>
  );
}
