// The preview with its own state: a new result from the engine re-renders this part only, not
// the editor beside it (a drag must stay within a frame at 50,000 customers). It renders two
// children of the step: the preview's column, and the dock that shows its counts while the
// preview is off screen (the dock must be a child of the whole step to stay at the pane's bottom).
import { useLayoutEffect, useRef } from 'react';
import type { AbcType } from '../../engine/abc-schema';
import type { SegmentType } from '../../engine/config';
import type { PreviewFeed } from '../state/previewFeed';
import { useOnScreen } from '../state/useOnScreen';
import { usePreview } from '../state/usePreview';
import type { EngineClient } from '../worker/client';
import { Preview } from './Preview';
import { PreviewDock } from './PreviewDock';

export interface LivePreviewProps {
  engine: EngineClient;
  generation: number;
  ready: boolean;
  revision: number;
  /** The selected segment type as edited, and validated (undefined when it has problems). */
  draft: SegmentType | undefined;
  valid: SegmentType | undefined;
  waiting: boolean;
  blocked?: string;
  onThreshold(which: number, to: number): void;
  onUseSuggestion(shares: readonly number[]): void;
  /** For an XYZ type: the ABC type it crosses with (validated), and its name as edited. */
  abcType?: AbcType;
  crossName?: string;
  /** Class of the preview's column in the step's layout. */
  columnClassName: string;
  /** Where editors that show counts beside their fields (the RFM grid, the XYZ segments) read the same result. */
  feed?: PreviewFeed;
}

export function LivePreview({ engine, generation, ready, revision, draft, valid, waiting, blocked, onThreshold, onUseSuggestion, abcType, crossName, columnClassName, feed }: LivePreviewProps) {
  const state = usePreview(engine, generation, valid, revision, ready, abcType);
  const section = useRef<HTMLElement>(null);
  const [tableOnScreen, tableRef] = useOnScreen<HTMLDivElement>();
  const showPreview = () => {
    section.current?.scrollIntoView({ block: 'start' });
    section.current?.focus({ preventScroll: true });
  };
  const p = state.preview;
  const stale = valid === undefined;
  useLayoutEffect(() => feed?.set(p && { preview: p, stale }), [feed, p, stale]);
  return (
    <>
      <div className={columnClassName}>
        <Preview
          state={state}
          draft={draft}
          valid={valid !== undefined}
          waiting={waiting}
          blocked={blocked}
          onThreshold={onThreshold}
          onUseSuggestion={onUseSuggestion}
          crossName={crossName}
          crossValid={abcType !== undefined}
          sectionRef={section}
          tableRef={tableRef}
        />
      </div>
      {draft && p && <PreviewDock preview={p} hidden={tableOnScreen === true} stale={valid === undefined} onShowPreview={showPreview} />}
    </>
  );
}
