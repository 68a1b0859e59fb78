// The preview follows the edits without queueing them: one classify in flight at a time, and
// when it returns only the latest wanted segment type is sent. A drag of 60 steps costs a few
// classifications, never 60 in a row.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { canonicalJson } from '../../engine/history';
import type { AbcType } from '../../engine/abc-schema';
import type { SegmentType } from '../../engine/config';
import { errorMessage } from '../../engine/types';
import type { EngineClient } from '../worker/client';
import type { Preview } from '../worker/protocol';
import { benchEvents } from './bench-events';

export interface PreviewState {
  preview: Preview | undefined;
  /** The draft revision the preview shows; behind the draft while the engine is working. */
  revision: number;
  error: string | undefined;
}

/** `abcType`: the ABC type an XYZ type crosses with, validated, so the preview can show their matrix. */
export function usePreview(engine: EngineClient, generation: number, type: SegmentType | undefined, revision: number, ready: boolean, abcType?: AbcType): PreviewState {
  const [state, setState] = useState<PreviewState>({ preview: undefined, revision: -1, error: undefined });
  const wanted = useRef<{ type: SegmentType; abcType: AbcType | undefined; revision: number; generation: number }>();
  const inFlight = useRef(false);
  const live = useRef(true);
  // Set on every mount: React's StrictMode mounts, unmounts and mounts again in development.
  useEffect(() => {
    live.current = true;
    return () => void (live.current = false);
  }, []);

  const pump = () => {
    if (inFlight.current || !wanted.current) return;
    const w = wanted.current;
    wanted.current = undefined;
    inFlight.current = true;
    engine
      .ask({ type: 'classify', segmentType: w.type, abcType: w.abcType })
      .then(
        (r) => live.current && setState({ preview: r.preview, revision: w.revision, error: undefined }),
        (e) => live.current && setState((s) => ({ ...s, error: errorMessage(e) })),
      )
      .finally(() => {
        inFlight.current = false;
        pump();
      });
  };

  const key = type ? canonicalJson(type) + (abcType ? canonicalJson(abcType) : '') : '';
  // A layout effect, so the request leaves in the same task as the edit's commit: a passive effect
  // may wait for the next frame, and the preview would always be a frame late.
  useLayoutEffect(() => {
    if (!ready || !type) {
      setState({ preview: undefined, revision: -1, error: undefined });
      return;
    }
    wanted.current = { type, abcType, revision, generation };
    pump();
    // `key` stands for `type`; revision alone changes on unrelated edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `type`, and revision alone changes on unrelated edits (above)
  }, [key, generation, ready, engine]);

  // Layout effect: runs once the new rows are in the DOM, before the browser paints them.
  useLayoutEffect(() => {
    if (state.preview) benchEvents.emit(state.revision);
  }, [state]);

  return state;
}
