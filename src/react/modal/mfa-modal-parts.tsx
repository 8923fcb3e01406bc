'use client';
/**
 * The modal's parts, Radix style: one component renders one element, so an app can rebuild
 * the modal from them. State reaches CSS through `data-*` attributes, never class names.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { MfaPromptStep } from '../../core/prompt/prompt-state.js';
import type { MfaTheme } from '../mfa-kit-context.js';

/** Radix's own handlers are the kit's: every way out becomes `onDismiss` or `onGuardedDismiss`. */
type OwnHandlers = 'onEscapeKeyDown' | 'onPointerDownOutside' | 'onInteractOutside' | 'onCloseAutoFocus' | 'onOpenAutoFocus';

export interface MfaModalContentProps extends Omit<ComponentPropsWithoutRef<typeof Dialog.Content>, OwnHandlers> {
  theme: MfaTheme;
  step: MfaPromptStep;
  /** A request is in flight: `aria-busy`, a spinner, inputs read-only. */
  busy: boolean;
  /** Esc, a press on the overlay or the close button: the user wants out. */
  onDismiss: () => void;
  /**
   * Something would be lost by closing (an enrollment under way, recovery codes not yet
   * saved): a press on the overlay does nothing, and Esc or × call `onGuardedDismiss` (which
   * asks) instead of `onDismiss`.
   */
  guarded?: boolean;
  onGuardedDismiss?: () => void;
}

/**
 * The first step can render in the same commit as the dialog (the user's methods are known
 * before the prompt opens), so the code field's `autoFocus` runs before Radix's focus scope
 * listens, and the scope never learns which element it should keep focus on: Tab could then
 * leave the dialog. Once every effect of the commit has run (the scope's too), the focused
 * field is focused again, which the scope records.
 */
function FocusScopeSync() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    queueMicrotask(() => {
      const content = marker.current?.closest('.mfa-content');
      const active = document.activeElement;
      if (!content || !(active instanceof HTMLElement) || !content.contains(active)) return;
      active.blur();
      active.focus();
    });
  }, []);
  return <span ref={marker} hidden />;
}

/**
 * The dialog: a Radix Dialog, open while mounted (mount it to open, unmount it to close),
 * portaled to <body> above its overlay. Radix's layer stack is what lets it open from inside
 * an app's own Radix or shadcn dialog: the topmost layer alone answers Esc and presses
 * outside, and the app's focus trap pauses while this one is on top.
 */
export function MfaModalContent({ theme, step, busy, onDismiss, guarded = false, onGuardedDismiss, children, ...props }: MfaModalContentProps) {
  const wantsOut = guarded && onGuardedDismiss ? onGuardedDismiss : onDismiss;
  return (
    <Dialog.Root open onOpenChange={(open) => !open && wantsOut()}>
      <Dialog.Portal>
        <Dialog.Overlay className="mfa-overlay" data-theme={theme} />
        <Dialog.Content
          className="mfa-content"
          data-theme={theme}
          data-step={step}
          data-busy={busy ? '' : undefined}
          aria-busy={busy}
          // A stray press outside never throws away a QR code or unsaved recovery codes.
          onPointerDownOutside={(event) => guarded && event.preventDefault()}
          // Radix asks here only when nothing inside has focus yet (a step whose own `autoFocus`
          // already ran is `FocusScopeSync`'s case). It would pick the first button (the ×); the
          // step's first field or button is what the user came for. With nothing to focus yet (a
          // step still loading), the dialog itself takes focus: the scope must hold an element
          // inside it from the first frame, or Tab pressed before the step arrives would walk the
          // page behind (the scope only ever returns focus to an element it has seen). The step's
          // own autoFocus moves focus on when it mounts.
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            const content = event.currentTarget as HTMLElement;
            const target =
              content.querySelector<HTMLElement>('input:not([disabled])') ?? content.querySelector<HTMLElement>('.mfa-body button:not([disabled])') ?? content;
            target.focus();
          }}
          // `MfaModal` returns focus itself: to where it was when the prompt opened, not at mount.
          onCloseAutoFocus={(event) => event.preventDefault()}
          {...props}
        >
          <FocusScopeSync />
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/**
 * The heading names the step; `context`, a line above it, says what the prompt protects. Both
 * sit in the one title element, so the dialog's accessible name carries both.
 */
export function MfaModalTitle({ context, children, ...props }: ComponentPropsWithoutRef<'h2'> & { context?: ReactNode }) {
  return (
    <Dialog.Title className="mfa-title" {...props}>
      {context ? <span className="mfa-context">{context}</span> : null} <span className="mfa-heading">{children}</span>
    </Dialog.Title>
  );
}

export function MfaModalDescription(props: ComponentPropsWithoutRef<'p'>) {
  return <Dialog.Description className="mfa-description" {...props} />;
}

/** The × in the corner; it cancels the prompt like Esc does (and asks first when guarded). */
export function MfaModalClose({ label }: { label: string }) {
  return (
    <Dialog.Close className="mfa-close" aria-label={label}>
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
    </Dialog.Close>
  );
}

/** The step's area: its min-height is reserved in CSS so switching steps doesn't jump. */
export function MfaModalBody({ children }: { children: ReactNode }) {
  return <div className="mfa-body">{children}</div>;
}

export function MfaSpinner({ size = 24 }: { size?: number }) {
  return (
    <svg className="mfa-spinner" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2.5" strokeDasharray="42 100" strokeLinecap="round" />
    </svg>
  );
}

/**
 * One reserved line for what is happening: progress in a polite `status`, failures in an
 * `alert`. Always rendered, so a message appearing never shifts the layout.
 */
export function MfaStatusLine({
  id,
  info,
  error,
  errorKey,
  busy,
  children,
}: {
  id?: string;
  info?: string;
  error?: string;
  /**
   * What the error is about (e.g. the lockout's status object). While it stays the same, a
   * changing `error` (a countdown ticking every second) is not announced again: screen
   * readers would otherwise read out every second of a five-minute lockout.
   */
  errorKey?: unknown;
  /** A request is in flight: a small spinner sits before `info`, whose text stays where it is. */
  busy?: boolean;
  children?: ReactNode;
}) {
  // The key of the last committed render: read in render, written after commit.
  const shownKey = useRef<unknown>(undefined);
  useEffect(() => {
    shownKey.current = errorKey;
  });
  const repeat = errorKey !== undefined && shownKey.current === errorKey;
  return (
    <div className="mfa-status" id={id}>
      <p role="status" className="mfa-status-info">
        <span className="mfa-status-spinner">{busy ? <MfaSpinner size={14} /> : null}</span>
        {info}
      </p>
      <p role="alert" aria-live={repeat ? 'off' : undefined} className="mfa-status-error">
        {error}
      </p>
      {children}
    </div>
  );
}

export type MfaButtonVariant = 'primary' | 'secondary' | 'danger' | 'link';

/** One button hierarchy: a primary action, secondary ones, destructive ones in red, links. */
export function MfaButton({ variant = 'secondary', ...props }: ComponentPropsWithoutRef<'button'> & { variant?: MfaButtonVariant }) {
  return <button type="button" className="mfa-button" data-variant={variant} {...props} />;
}
