// The benchmark's only window into the pane: "the preview for draft revision r is on screen".
// A no-op unless the playground's bench hook listens.
type Listener = (revision: number) => void;

const listeners = new Set<Listener>();

export const benchEvents = {
  emit(revision: number): void {
    for (const l of listeners) l(revision);
  },
  listen(l: Listener): () => void {
    listeners.add(l);
    return () => void listeners.delete(l);
  },
};
