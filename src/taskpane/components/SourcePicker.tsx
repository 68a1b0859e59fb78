// Which sales range to segment: a table or a sheet of the workbook, or the current selection.
import { Button, Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, SelectAllOn20Regular } from '@fluentui/react-icons';
import type { SourceInfo, SourceRef } from '../../hosts/host';

const useStyles = makeStyles({
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '12em' },
});

export const keyOf = (r: SourceRef) => (r.kind === 'selection' ? 'selection' : `${r.kind}:${r.name}`);

/** One option per table or sheet, keyed by `keyOf`: the sales picker and the second-range pickers share it. */
export const sourceOptions = (listed: readonly SourceInfo[]) =>
  listed.map((s) => (
    <Option key={keyOf(s.ref)} value={keyOf(s.ref)}>
      {s.label}
    </Option>
  ));

export interface SourcePickerProps {
  sources: SourceInfo[];
  source: SourceRef | undefined;
  onChoose(ref: SourceRef): void;
  onReload(): void;
  disabled?: boolean;
}

export function SourcePicker({ sources, source, onChoose, onReload, disabled }: SourcePickerProps) {
  const styles = useStyles();
  const listed = sources.filter((s) => s.ref.kind !== 'selection');
  const current = source && (source.kind === 'selection' ? { label: 'The selection' } : sources.find((s) => keyOf(s.ref) === keyOf(source)));
  return (
    <div className={styles.row}>
      <Field className={styles.grow} label="Sales data" hint={listed.length === 0 ? 'No table or sheet with data was found: select the sales range and use the selection.' : undefined}>
        <Dropdown
          value={current?.label ?? ''}
          placeholder="Choose a table or sheet"
          selectedOptions={source ? [keyOf(source)] : []}
          disabled={disabled}
          onOptionSelect={(_, d) => {
            const s = sources.find((x) => keyOf(x.ref) === d.optionValue);
            if (s) onChoose(s.ref);
          }}
        >
          {sourceOptions(listed)}
        </Dropdown>
      </Field>
      <Button icon={<SelectAllOn20Regular />} disabled={disabled} onClick={() => onChoose({ kind: 'selection' })}>
        Use the selection
      </Button>
      <Button icon={<ArrowClockwise20Regular />} disabled={disabled || !source} onClick={onReload}>
        Read again
      </Button>
    </div>
  );
}
