// The optional second ranges: questionnaire answers (profiles) and visits (visit planning), each a
// table or sheet of the workbook, or none. Shown when a segment type reads one, or once one is chosen.
import { Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { SegmentType } from '../../engine/config';
import { readsAnswers } from '../../engine/profiles';
import { plansVisits } from '../../engine/visits';
import type { SourceInfo, SourceRef } from '../../hosts/host';
import type { ExtraChoice } from '../state/useSource';
import type { ExtraRole } from '../worker/protocol';
import { keyOf, sourceOptions } from './SourcePicker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

const NONE = 'none';

/** Profiles read answers; a type with a visit frequency (on a segment, or on an activity type itself) reads visits, as the engine does. */
export function rangesWanted(types: readonly SegmentType[]): Record<ExtraRole, boolean> {
  return { answers: readsAnswers(types), visits: types.some(plansVisits) };
}

const TEXT: Record<ExtraRole, { label: string; hint: string }> = {
  answers: { label: 'Questionnaire answers', hint: 'A customer column and one column per question. None: profiles read the questions from the sales data.' },
  visits: { label: 'Visits', hint: 'A customer column and a visit date column, for the visit planning columns and compliance.' },
};

export interface ExtraSourcePickersProps {
  sources: SourceInfo[];
  types: readonly SegmentType[];
  extras: ExtraChoice;
  onChoose(role: ExtraRole, ref: SourceRef | undefined): void;
  disabled?: boolean;
}

export function ExtraSourcePickers({ sources, types, extras, onChoose, disabled }: ExtraSourcePickersProps) {
  const styles = useStyles();
  const wanted = rangesWanted(types);
  const listed = sources.filter((s) => s.ref.kind !== 'selection');
  const roles = (['answers', 'visits'] as const).filter((r) => wanted[r] || extras[r] !== undefined);
  if (roles.length === 0) return null;
  return (
    <div className={styles.root}>
      {roles.map((role) => {
        const ref = extras[role];
        const current = ref && listed.find((s) => keyOf(s.ref) === keyOf(ref));
        return (
          <Field key={role} label={TEXT[role].label} hint={TEXT[role].hint}>
            <Dropdown
              value={current?.label ?? 'None'}
              selectedOptions={[ref ? keyOf(ref) : NONE]}
              disabled={disabled}
              onOptionSelect={(_, d) => onChoose(role, listed.find((s) => keyOf(s.ref) === d.optionValue)?.ref)}
            >
              <Option value={NONE}>None</Option>
              {sourceOptions(listed)}
            </Dropdown>
          </Field>
        );
      })}
    </div>
  );
}
