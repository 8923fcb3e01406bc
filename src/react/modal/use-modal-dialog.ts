'use client';
/**
 * A native `<dialog>` opened with `showModal()`, for as long as the component is mounted.
 *
 * The browser does what a dialog library would: the page behind turns inert (focus, clicks
 * and screen readers stay in the dialog), the dialog sits in the top layer (above any
 * z-index), `::backdrop` draws the overlay, and Esc or a back gesture raise `cancel`. That
 * is why the kit carries no dialog library (Radix Dialog alone is 14 kB gzipped; the whole
 * prompt path is budgeted at 25 kB). What is left to do here:
 *
 * - every way out (Esc, `cancel`, a click on the backdrop, the browser closing it) becomes
 *   one `onDismiss()`, so the owner decides what closing means;
 * - the content mounts only once the dialog is open, so its `autoFocus` lands: a closed
 *   dialog is `display: none`, and focusing inside it does nothing;
 * - focus never drops out of it to <body>.
 */
import { useLayoutEffect, useRef, useState, type MouseEvent, type PointerEvent, type SyntheticEvent } from 'react';

export function useModalDialog(onDismiss: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const [opened, setOpened] = useState(false);
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  const pressedBackdrop = useRef(false);

  useLayoutEffect(() => {
    const dialog = ref.current!;
    // Where there is no showModal (jsdom, very old browsers) the markup is the same, only
    // not modal: the open attribute shows it.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
    setOpened(true);
    // Esc is caught first, on the way down at `window`, and prevented rather than left to
    // become the browser's `cancel`: an app's own dialog underneath (Radix) catches it at
    // `document` and would close itself instead; a second close request with no user
    // activation in between (Esc is not activation) makes Chrome close the dialog outright,
    // skipping `cancel`; and jsdom has no `cancel` at all.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.isComposing) return;
      event.preventDefault();
      event.stopPropagation();
      dismiss.current();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    };
  }, []);

  // When the focused element goes (a step replaced by the next), focus would fall to <body>
  // and a screen reader would lose its place: the dialog itself takes it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog?.hasAttribute('open') && !dialog.contains(document.activeElement)) dialog.focus();
  });

  const dialogProps = {
    ref,
    tabIndex: -1,
    onCancel(event: SyntheticEvent) {
      event.preventDefault();
      dismiss.current();
    },
    // The browser may still close the dialog itself (a repeated back gesture): the owner must
    // know. A close we caused (unmounting, or StrictMode's remount) leaves it open again or gone.
    onClose() {
      if (ref.current && !ref.current.open) dismiss.current();
    },
    // A click on the backdrop reaches the dialog element itself, outside its box. It counts
    // only if the press began there too: a text selection dragged out of the dialog ends in a
    // click on the dialog as well. On click, not on press: the press's own default action
    // (focusing what is under the pointer) would undo the owner's handing focus back.
    onPointerDown(event: PointerEvent<HTMLDialogElement>) {
      pressedBackdrop.current = onBackdrop(event);
    },
    onClick(event: MouseEvent<HTMLDialogElement>) {
      if (pressedBackdrop.current && onBackdrop(event)) dismiss.current();
      pressedBackdrop.current = false;
    },
  };
  return { opened, dialogProps };
}

function onBackdrop(event: MouseEvent<HTMLDialogElement>): boolean {
  if (event.target !== event.currentTarget) return false;
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
}
