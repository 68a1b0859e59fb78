// The thresholds suggested from the data (SEMANTICS.md 12) beside the current ones, and one button that
// takes them: one edit, so Ctrl+Z puts the shares back. The same suggestion is drawn on the Pareto curve.
import { Button, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AbcType } from '../../engine/abc-schema';
import { takesPartInRanking } from '../../engine/abc-schema';
import type { SummaryRow } from '../../engine/result';
import { useFormats } from '../format';
import type { PaneSuggestion } from '../worker/protocol';
import { SegmentTable } from './SegmentTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface SuggestionPanelProps {
  suggestion: PaneSuggestion;
  type: AbcType;
  rows: readonly SummaryRow[];
  measureName: string;
  /** The edited type is valid: the figures are its own. */
  valid: boolean;
  onUse(shares: readonly number[]): void;
}

export function SuggestionPanel({ suggestion: s, type, rows, measureName, valid, onUse }: SuggestionPanelProps) {
  const styles = useStyles();
  const f = useFormats();
  const ranked = type.segments.filter(takesPartInRanking);
  const current = ranked.map((seg) => seg.share ?? 0);
  const taken = ranked.length === 3 && current.every((v, k) => Math.abs(v - s.shares[k]) < 1e-9);
  const count = (name: string) => rows.find((r) => r.segment === name)?.customers;
  return (
    <section className={styles.root} aria-labelledby="suggestion-title" data-testid="suggestion">
      <Subtitle2 as="h3" id="suggestion-title">
        Thresholds suggested from the data
      </Subtitle2>
      <Text size={200} className={styles.hint}>
        From the shape of the curve (computed ABC): the top {f.integer(s.paretoPoint)} {s.paretoPoint === 1 ? 'customer is' : 'customers are'} nearest the ideal point, {f.integer(s.breakEven)} {s.breakEven === 1 ? 'buys' : 'buy'} at least the mean {measureName}. The diamonds on the curve mark the suggested limits.
      </Text>
      <SegmentTable
        caption={`Current and suggested thresholds of ${type.name}`}
        testId="suggestion-table"
        headers={['Customers now', 'Customers suggested', `% of ${measureName} now`, `% of ${measureName} suggested`]}
        rows={s.segments.map((name, k) => {
          const now = count(name);
          return { segment: name, figures: [now === undefined ? '' : f.integer(now), f.integer(s.counts[k]), f.percent(current[k] / 100), f.percent(s.shares[k] / 100)] };
        })}
      />
      <div>
        <Button disabled={!valid || taken} onClick={() => onUse(s.shares)}>
          Use the suggested thresholds
        </Button>
      </div>
      {taken && (
        <Text size={200} className={styles.hint}>
          The shares are the suggested ones.
        </Text>
      )}
    </section>
  );
}
