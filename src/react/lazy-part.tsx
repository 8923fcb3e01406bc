'use client';
/**
 * A component that loads on demand: `preload()` fetches it once (every caller shares the
 * import, a failed one is tried again by the next call), and `Part` renders it in the same
 * commit once it has arrived, else suspends until it does. So a part preloaded in time never
 * shows its Suspense fallback, which `React.lazy` alone would show on its first render.
 */
import { lazy, type ComponentType } from 'react';
import { loadOnce } from '../core/load-once.js';

export interface LazyPart<P> {
  /** Resolves once the part has arrived (to nothing: the part is `Part`). */
  preload(): Promise<void>;
  Part: ComponentType<P>;
}

export function lazyPart<P extends object>(importComponent: () => Promise<ComponentType<P>>): LazyPart<P> {
  const component = loadOnce(importComponent);
  const Suspending = lazy(() => component.load().then((loaded) => ({ default: loaded })));
  function Part(props: P) {
    const Loaded = component.current() ?? Suspending;
    return <Loaded {...props} />;
  }
  return { preload: () => component.load().then(() => undefined), Part };
}
