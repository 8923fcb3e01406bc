/**
 * The modal's parts, Radix style: one component renders one element, so an app can rebuild
 * the modal from them. State reaches CSS through `data-*` attributes, never class names.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { MfaPromptStep } from '../../core/prompt-state.js';
import type { MfaTheme } from '../mfa-kit-context.js';

export function MfaModalOverlay({ theme, ...props }: ComponentPropsWithoutRef<typeof Dialog.Overlay> & { theme: MfaTheme }) {
  return <Dialog.Overlay className="mfa-overlay" data-theme={theme} {...props} />;
}

export interface MfaModalContentProps extends ComponentPropsWithoutRef<typeof Dialog.Content> {
  theme: MfaTheme;
  step: MfaPromptStep;
  /** A request is in flight: `aria-busy`, a spinner, inputs read-only. */
  busy: boolean;
}

export function MfaModalContent({ theme, step, busy, ...props }: MfaModalContentProps) {
  return (
    <Dialog.Content
      className="mfa-content"
      data-theme={theme}
      data-step={step}
      data-busy={busy ? '' : undefined}
      aria-busy={busy}
      {...props}
    />
  );
}

export function MfaModalTitle(props: ComponentPropsWithoutRef<typeof Dialog.Title>) {
  return <Dialog.Title className="mfa-title" {...props} />;
}

export function MfaModalDescription(props: ComponentPropsWithoutRef<typeof Dialog.Description>) {
  return <Dialog.Description className="mfa-description" {...props} />;
}

/** The ✕ in the corner; it cancels the prompt like Esc does. */
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
