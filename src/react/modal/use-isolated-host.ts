'use client';
/**
 * Where the modal renders: a `<div>` of its own at the end of `<body>`, made when the modal
 * opens and removed when it closes. Rendered in place instead, the dialog would inherit the
 * app's text styles and descendant selectors where the provider sits, and open invisibly
 * (with the page inert behind it) inside a hidden subtree.
 *
 * The host is also a wall against the app's own modal. A step-up is often asked from inside
 * one ("Confirm send"), and dialog libraries listen on `document` for what happens outside
 * themselves: Radix closes on a press outside, swallows wheel and touch scrolling, and makes
 * `<body>` ignore the pointer (styles.css gives it back). Presses, wheel, touch and keys from
 * the kit's dialog stop here, so they never reach those listeners; React still sees them
 * first, because it listens on the host itself (a portal's container). Focus events pass: a
 * focus trap's attempt to pull focus back lands on the inert page and does nothing, and the
 * app's own focus listeners keep working. Esc, which those libraries catch on the way down,
 * is the dialog's own business (`useModalDialog`).
 */
import { useLayoutEffect, useState } from 'react';

const KEPT_INSIDE = [
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'touchstart',
  'touchmove',
  'touchend',
  'wheel',
  'keydown',
  'keyup',
] as const;

const stop = (event: Event) => event.stopPropagation();

export function useIsolatedHost(): HTMLElement | null {
  const [host, setHost] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const element = document.createElement('div');
    element.setAttribute('data-mfa-host', '');
    // Read before the modal hides the page's overflow: a scrollbar that takes room goes then.
    if (window.innerWidth > document.documentElement.clientWidth) element.setAttribute('data-page-scrollbar', '');
    for (const type of KEPT_INSIDE) element.addEventListener(type, stop);
    document.body.append(element);
    setHost(element);
    return () => element.remove();
  }, []);
  return host;
}
