'use client';
import { useMfaKit } from '../mfa-kit-context.js';
import { completeStrings } from '../strings/complete-strings.js';
import { fill } from '../strings/format.js';
import { visibleParts } from './visible-text.js';

/** Text with its hidden and reordering characters shown as their code points. */
export function MfaVisibleText({ text }: { text: string }) {
  const strings = completeStrings(useMfaKit('MfaVisibleText').strings);
  return (
    // An isolate: the text's own direction can never reorder the code points around it.
    <bdi className="mfa-visible-text">
      {visibleParts(text).map((part, index) =>
        'text' in part ? (
          part.text
        ) : (
          <span key={index} className="mfa-hidden-char" title={fill(strings.summary.hiddenCharacter, { code: part.hidden })}>
            {part.hidden}
          </span>
        ),
      )}
    </bdi>
  );
}
