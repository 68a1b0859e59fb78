// The selected type's latest preview, for an editor that shows its counts beside its own fields (the
// RFM segment grid). The preview keeps its state to itself so a new result re-renders only the
// preview (LivePreview); it hands each result to this feed, and only the editors that read the feed
// render again.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Preview } from '../worker/protocol';

export interface FedPreview {
  preview: Preview;
  /** The draft has problems: these are the counts of its last valid state. */
  stale: boolean;
}

export interface PreviewFeed {
  get(): FedPreview | undefined;
  set(next: FedPreview | undefined): void;
  subscribe(listener: () => void): () => void;
}

export function createPreviewFeed(): PreviewFeed {
  let current: FedPreview | undefined;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(next) {
      if (next?.preview === current?.preview && next?.stale === current?.stale) return;
      current = next;
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** Provided by the Segment types step; an editor shown outside it (a test harness) has no counts. */
export const PreviewFeedContext = createContext<PreviewFeed | undefined>(undefined);

const nothing = () => () => undefined;
const none = () => undefined;

/** The latest preview of the selected type, if the pane has one. */
export function useFedPreview(): FedPreview | undefined {
  const feed = useContext(PreviewFeedContext);
  return useSyncExternalStore(feed?.subscribe ?? nothing, feed?.get ?? none, feed?.get ?? none);
}
