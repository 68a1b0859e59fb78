// The preview with its own state: a new result from the engine re-renders this part only, not
// the editor beside it (a drag must stay within a frame at 50,000 customers).
import type { SegmentType } from '../../engine/config';
import { usePreview } from '../state/usePreview';
import type { EngineClient } from '../worker/client';
import { Preview } from './Preview';

export interface LivePreviewProps {
  engine: EngineClient;
  generation: number;
  ready: boolean;
  revision: number;
  /** The selected segment type as edited, and validated (undefined when it has problems). */
  draft: SegmentType | undefined;
  valid: SegmentType | undefined;
  waiting: boolean;
  onThreshold(which: number, to: number): void;
}

export function LivePreview({ engine, generation, ready, revision, draft, valid, waiting, onThreshold }: LivePreviewProps) {
  const state = usePreview(engine, generation, valid, revision, ready);
  return <Preview state={state} draft={draft} valid={valid !== undefined} waiting={waiting} onThreshold={onThreshold} />;
}
