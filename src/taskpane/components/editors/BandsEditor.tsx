// Profit bands: absolute ranges [min, max). Moving a boundary moves the neighbour that met it
// (editBand); gaps and overlaps that remain show under the band where they start, in the engine's own
// words (`no band covers 500 to 600`).
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { bandMeasures, type BandsType } from '../../../engine/bands-schema';
import { editBand } from '../../state/bands';
import { freeName } from '../../state/draft';
import { issuesAt } from '../../state/validation';
import { ChoiceField } from '../ChoiceField';
import { GroupIssues } from '../FieldIssue';
import { MinimumField } from './MinimumField';
import { moved } from './ListControls';
import { BandRow } from './BandRow';
import type { EditorProps } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

const MEASURE_LABELS: Record<BandsType['measure'], string> = { profit: 'Profit', sales: 'Net sales', margin: 'Margin %' };

export function BandsEditor({ value, path, issues, onChange }: EditorProps<BandsType>) {
  const styles = useStyles();
  const bands = value.bands;
  const setBands = (next: BandsType['bands']) => onChange({ ...value, bands: next });
  const measure = MEASURE_LABELS[value.measure].toLowerCase();
  const addBand = () => {
    const last = bands[bands.length - 1];
    // The new band continues where the last one starts: a user extends the top of the scale.
    const from = last?.min ?? last?.max ?? 0;
    const head = bands.slice(0, -1);
    const name = freeName('New band', bands.map((b) => b.name));
    setBands(last ? [...head, { ...last, max: from + 1000 }, { name, min: from + 1000 }] : [{ name }]);
  };
  return (
    <div className={styles.root}>
      <ChoiceField label="Band customers by" value={value.measure} choices={bandMeasures.map((m) => ({ value: m, label: MEASURE_LABELS[m] }))} onChange={(m) => onChange({ ...value, measure: m })} />
      <MinimumField value={value} path={path} issues={issues} onChange={onChange} />
      <GroupIssues issues={issuesAt(issues, `${path}.bands`)} />
      <div role="group" aria-label="Bands">
        {bands.map((b, i) => (
          <BandRow
            key={i}
            band={b}
            index={i}
            count={bands.length}
            path={`${path}.bands[${i}]`}
            issues={issues}
            measure={measure}
            onChange={(next) => setBands(editBand(bands, i, next).map((x, k) => (k !== i && next.default && x.default ? { ...x, default: undefined } : x)))}
            onMove={(by) => setBands(moved(bands, i, by))}
            onRemove={() => setBands(bands.filter((_, k) => k !== i))}
          />
        ))}
      </div>
      <div>
        <Button icon={<Add20Regular />} onClick={addBand}>
          Add band
        </Button>
      </div>
    </div>
  );
}
