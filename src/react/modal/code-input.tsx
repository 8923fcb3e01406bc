'use client';
/**
 * The 6-digit code field: input-otp's one real `<input>` with painted slots, so paste,
 * SMS/password-manager autofill (`autocomplete="one-time-code"`) and the numeric keyboard
 * just work. It submits by itself on the sixth digit.
 */
import { OTPInput, REGEXP_ONLY_DIGITS } from 'input-otp';
import { useEffect, useRef, useState } from 'react';
import { normalizeCode } from './normalize-code.js';

/** RFC 6238 as the reference server runs it: 6 digits. */
export const TOTP_CODE_LENGTH = 6;

export interface MfaCodeInputProps {
  label: string;
  onSubmit: (code: string) => void;
  /** Enter was pressed before all the digits were in. */
  onIncomplete?: () => void;
  /** Any change to the typed digits (clears an "enter all 6 digits" hint). */
  onInput?: () => void;
  /** A request is in flight: typing is ignored (read-only keeps focus where it is). */
  busy?: boolean;
  /** Locked out: nothing can be typed, and the slots look it. */
  disabled?: boolean;
  invalid?: boolean;
  /** Changes when a code was refused: the field clears and takes focus for the next try. */
  resetKey?: unknown;
  describedBy?: string;
}

export function MfaCodeInput({ label, onSubmit, onIncomplete, onInput, busy, disabled, invalid, resetKey, describedBy }: MfaCodeInputProps) {
  const [value, setValue] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (resetKey === undefined) return;
    setValue('');
    inputRef.current?.focus();
  }, [resetKey]);

  // Coming back from a lockout: the field was disabled and lost focus; give it back.
  useEffect(() => {
    if (!disabled) inputRef.current?.focus();
  }, [disabled]);

  return (
    <OTPInput
      ref={inputRef}
      value={value}
      onChange={(next) => {
        if (busy) return;
        setValue(next);
        onInput?.();
      }}
      onComplete={(code: string) => {
        if (!busy) onSubmit(code);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !busy && value.length < TOTP_CODE_LENGTH) onIncomplete?.();
      }}
      maxLength={TOTP_CODE_LENGTH}
      pattern={REGEXP_ONLY_DIGITS}
      pasteTransformer={normalizeCode}
      inputMode="numeric"
      autoComplete="one-time-code"
      autoFocus
      readOnly={busy}
      disabled={disabled}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      containerClassName="mfa-otp"
      render={({ slots }) => (
        <div className="mfa-otp-slots" data-invalid={invalid ? '' : undefined} data-disabled={disabled ? '' : undefined}>
          {slots.map((slot, index) => (
            <div key={index} className="mfa-otp-slot" data-active={slot.isActive ? '' : undefined}>
              {slot.char ?? slot.placeholderChar}
              {slot.hasFakeCaret ? <div className="mfa-otp-caret" /> : null}
            </div>
          ))}
        </div>
      )}
    />
  );
}
