'use client';
/**
 * The modal's parts, Radix style: one component renders one element, so an app can rebuild
 * the modal from them. State reaches CSS through `data-*` attributes, never class names.
 */
import { useEffect, useId, useRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { MfaPromptStep } from '../../core/prompt-state.js';
import { createMfaContext } from '../create-mfa-context.js';
import type { MfaTheme } from '../mfa-kit-context.js';
import { useIsolatedHost } from './use-isolated-host.js';
import { useModalDialog } from './use-modal-dialog.js';

interface ModalParts {
  titleId: string;
  descriptionId: string;
  dismiss: () => void;
}
const [ModalPartsProvider, useModalParts] = createMfaContext<ModalParts>('MfaModalContent', 'MfaModalContent', '');

/** The dialog's own handlers (Esc, backdrop, the browser closing it) are the kit's. */
type OwnHandlers = 'open' | 'onCancel' | 'onClose' | 'onClick' | 'onPointerDown';

export interface MfaModalContentProps extends Omit<ComponentPropsWithoutRef<'dialog'>, OwnHandlers> {
  theme: MfaTheme;
  step: MfaPromptStep;
  /** A request is in flight: `aria-busy`, a spinner, inputs read-only. */
  busy: boolean;
  /** Esc, a press on the backdrop or the close button: the user wants out. */
  onDismiss: () => void;
}

/**
 * The dialog itself, modal while mounted (a native `<dialog>`, see `useModalDialog`) in a
 * host of its own at the end of <body> (`useIsolatedHost`); its `::backdrop` is the overlay.
 * Mount it to open, unmount it to close.
 */
export function MfaModalContent(props: MfaModalContentProps) {
  const host = useIsolatedHost();
  return host ? createPortal(<ModalDialog {...props} />, host) : null;
}

function ModalDialog({ theme, step, busy, onDismiss, children, ...props }: MfaModalContentProps) {
  const { opened, dialogProps } = useModalDialog(onDismiss);
  const id = useId();
  const parts: ModalParts = { titleId: `${id}-title`, descriptionId: `${id}-description`, dismiss: onDismiss };
  return (
    <dialog
      className="mfa-content"
      data-theme={theme}
      data-step={step}
      data-busy={busy ? '' : undefined}
      aria-busy={busy}
      aria-labelledby={parts.titleId}
      aria-describedby={parts.descriptionId}
      {...props}
      {...dialogProps}
    >
      {opened ? <ModalPartsProvider value={parts}>{children}</ModalPartsProvider> : null}
    </dialog>
  );
}

export function MfaModalTitle(props: ComponentPropsWithoutRef<'h2'>) {
  return <h2 className="mfa-title" id={useModalParts('MfaModalTitle').titleId} {...props} />;
}

export function MfaModalDescription(props: ComponentPropsWithoutRef<'p'>) {
  return <p className="mfa-description" id={useModalParts('MfaModalDescription').descriptionId} {...props} />;
}

/** The ✕ in the corner; it cancels the prompt like Esc does. */
export function MfaModalClose({ label }: { label: string }) {
  const { dismiss } = useModalParts('MfaModalClose');
  return (
    <button type="button" className="mfa-close" aria-label={label} onClick={dismiss}>
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
    </button>
  );
}

/** The step's area: its min-height is reserved in CSS so switching steps doesn't jump. */
export function MfaModalBody({ children }: { children: ReactNode }) {
  return <div className="mfa-body">{children}</div>;
}

export function MfaSpinner() {
  return (
    <svg className="mfa-spinner" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
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
        {info}
      </p>
      <p role="alert" aria-live={repeat ? 'off' : undefined} className="mfa-status-error">
        {error}
      </p>
      {children}
    </div>
  );
}

export function MfaButton({ variant = 'secondary', ...props }: ComponentPropsWithoutRef<'button'> & { variant?: 'primary' | 'secondary' | 'link' }) {
  return <button type="button" className="mfa-button" data-variant={variant} {...props} />;
}
