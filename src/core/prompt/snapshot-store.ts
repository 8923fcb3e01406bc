/**
 * The smallest external store `useSyncExternalStore` can read (zustand's vanilla store is the
 * model): every change replaces the snapshot, so React compares by identity and never tears.
 */
export interface SnapshotStore<S> {
  getState(): S;
  setState(next: S): void;
  subscribe(listener: () => void): () => void;
}

export function createSnapshotStore<S>(initial: S): SnapshotStore<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    setState(next) {
      if (Object.is(next, state)) return;
      state = next;
      // Copy first: a listener may unsubscribe (or subscribe) while we notify.
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
