/**
 * A module loaded on demand, once: every caller shares one dynamic import, a failed one is
 * tried again by the next call, and `current()` hands the module over synchronously once it
 * has arrived (so a renderer need not suspend, and a cancel need not wait).
 */
export interface LoadOnce<T> {
  load(): Promise<T>;
  /** The module, if it has arrived. */
  current(): T | undefined;
}

export function loadOnce<T>(importModule: () => Promise<T>): LoadOnce<T> {
  let loading: Promise<T> | undefined;
  let loaded: T | undefined;
  return {
    load: () =>
      (loading ??= importModule().then(
        (module) => (loaded = module),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
    current: () => loaded,
  };
}
