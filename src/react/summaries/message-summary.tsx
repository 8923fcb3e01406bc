'use client';
import { useMfaKit } from '../mfa-kit-context.js';
import { completeStrings } from '../strings/complete-strings.js';
import { hasHiddenCharacters } from './visible-text.js';
import { MfaVisibleText } from './mfa-visible-text.js';

/** A message to sign, as it will be signed: hidden and bidi control characters shown as codes. */
export function MfaMessageSummary({ message }: { message: string }) {
  const strings = completeStrings(useMfaKit('MfaMessageSummary').strings);
  return (
    <>
      <p className="mfa-summary-label">{strings.summary.message}</p>
      <pre className="mfa-summary-message">
        <MfaVisibleText text={message} />
      </pre>
      {hasHiddenCharacters(message) ? (
        <p className="mfa-summary-warning" data-warning="hidden-characters">
          {strings.summary.hiddenCharactersWarning}
        </p>
      ) : null}
    </>
  );
}
