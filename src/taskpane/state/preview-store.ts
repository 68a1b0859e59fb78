// The latest preview, for the few parts of an editor that show its counts (the XYZ segments' customers).
// A store with subscribers rather than a prop: a new preview re-renders those labels only, not the
// editor around them (a drag must stay within a frame; see LivePreview).
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Preview } from '../worker/protocol';

export class PreviewStore {
  private preview: Preview | undefined;
  private readonly listeners = new Set<() => void>();
  get = (): Preview | undefined => this.preview;
  set(preview: Preview | undefined): void {
    if (preview === this.preview) return;
    this.preview = preview;
    this.listeners.forEach((l) => l());
  }
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}

export const PreviewStoreContext = createContext<PreviewStore | undefined>(undefined);

const nothing = () => () => undefined;
const none = () => undefined;

/** The latest preview of the selected segment type; undefined outside the Segment types step (or before the first). */
export function useLatestPreview(): Preview | undefined {
  const store = useContext(PreviewStoreContext);
  return useSyncExternalStore(store ? store.subscribe : nothing, store ? store.get : none);
}
