'use client';
import type { MfaAvailableMethods } from '../../core/prompt/prompt-state.js';
import type { MfaMethod } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { completeStrings } from '../strings/complete-strings.js';
import { MfaMethodLinks, offeredMethods } from './method-links.js';

/** The method list; the one used last comes first, is marked, and has focus. */
export function MfaChooseMethodStep({ available, lastUsed }: { available: MfaAvailableMethods; lastUsed?: MfaMethod | undefined }) {
  const kit = useMfaKit('MfaChooseMethodStep');
  const { controller } = kit;
  // Its words come with it (en-on-demand.ts), under the app's own.
  const strings = completeStrings(kit.strings);
  const offered = offeredMethods(available);
  const ordered = lastUsed ? [...offered].sort((a, b) => Number(b === lastUsed) - Number(a === lastUsed)) : offered;
  return (
    <>
      <ul className="mfa-methods" aria-label={strings.chooseMethod.description}>
        {ordered.map((method, index) => {
          const text =
            method === 'totp'
              ? { label: strings.chooseMethod.totp, hint: strings.chooseMethod.totpHint }
              : { label: strings.chooseMethod.passkey, hint: strings.chooseMethod.passkeyHint };
          return (
            <li key={method}>
              <button
                type="button"
                className="mfa-method"
                data-method={method}
                data-last-used={method === lastUsed ? '' : undefined}
                autoFocus={index === 0}
                onClick={() => controller.chooseMethod(method)}
              >
                <span className="mfa-method-label">{text.label}</span>
                <span className="mfa-method-hint">
                  {text.hint}
                  {method === lastUsed ? ` · ${strings.chooseMethod.lastUsed}` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <MfaMethodLinks available={available} current="choose" />
    </>
  );
}
