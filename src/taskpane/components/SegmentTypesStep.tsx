// Step 2: the segment types, the editor of the selected one, and its live preview (side by side
// when the pane is wide, one under the other at 320 px, with the preview's counts docked at the
// bottom while the preview is off screen).
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SegmentKind, SegmentType } from '../../engine/config';
import type { Issue } from '../../engine/types';
import type { EngineClient } from '../worker/client';
import { createPreviewFeed, PreviewFeedContext } from '../state/previewFeed';
import { issuesUnder } from '../state/validation';
import { crossIndex } from '../state/suggestion';
import { LivePreview } from './LivePreview';
import { SegmentEditor } from './SegmentEditor';
import { SegmentTypeList } from './SegmentTypeList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  wide: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalXL, alignItems: 'start' },
  column: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
});

export interface SegmentTypesStepProps {
  types: SegmentType[];
  selected: number;
  issues: Issue[];
  validTypes: (SegmentType | undefined)[];
  engine: EngineClient;
  generation: number;
  ready: boolean;
  revision: number;
  waiting: boolean;
  /** Why the period and filters leave nothing worth segmenting (scopeProblem). */
  blocked?: string;
  wide: boolean;
  onSelect(i: number): void;
  onMove(i: number, by: -1 | 1): void;
  onRemove(i: number): void;
  onAdd(kind: SegmentKind): void;
  onRename(i: number, name: string): void;
  onChange(i: number, next: SegmentType): void;
  onThreshold(which: number, to: number): void;
  /** The suggested shares of the selected ABC type's three ranked segments, taken in one edit. */
  onUseSuggestion(shares: readonly number[]): void;
}

export function SegmentTypesStep(p: SegmentTypesStepProps) {
  const styles = useStyles();
  const type = p.types[p.selected];
  const invalid = p.types.map((_, i) => issuesUnder(p.issues, `segmentTypes[${i}]`).length > 0);
  // The editor may show the preview's counts beside its fields (the RFM segment grid, the XYZ segments).
  const [feed] = useState(createPreviewFeed);
  // An XYZ type's matrix needs the ABC type it names, as edited and valid.
  const cross = type?.kind === 'xyz' ? crossIndex(p.types, type.abcType) : -1;
  const abcType = cross >= 0 ? p.validTypes[cross] : undefined;
  return (
    <div className={mergeClasses(styles.root, p.wide && styles.wide)}>
      <div className={styles.column}>
        <SegmentTypeList types={p.types} selected={p.selected} invalid={invalid} onSelect={p.onSelect} onMove={p.onMove} onRemove={p.onRemove} onAdd={p.onAdd} />
        {type && (
          <PreviewFeedContext.Provider value={feed}>
            <SegmentEditor key={p.selected} type={type} index={p.selected} issues={p.issues} types={p.types} onRename={(n) => p.onRename(p.selected, n)} onChange={(t) => p.onChange(p.selected, t)} />
          </PreviewFeedContext.Provider>
        )}
      </div>
      <LivePreview
        engine={p.engine}
        generation={p.generation}
        ready={p.ready}
        revision={p.revision}
        draft={type}
        valid={p.validTypes[p.selected]}
        waiting={p.waiting}
        blocked={p.blocked}
        onThreshold={p.onThreshold}
        onUseSuggestion={p.onUseSuggestion}
        abcType={abcType?.kind === 'abc' ? abcType : undefined}
        crossName={cross >= 0 ? p.types[cross].name : undefined}
        columnClassName={styles.column}
        feed={feed}
      />
    </div>
  );
}
