/**
 * English ships in two parts (the prompt's, and the on-demand parts'); an app's overrides must
 * read the same as if it had been one table: completing the provider's strings gives exactly
 * `mergeStrings(en, overrides)`.
 */
import { describe, expect, it } from 'vitest';
import { de } from './de.js';
import { completeStrings } from './complete-strings.js';
import { en } from './en.js';
import { enPrompt } from './en-prompt.js';
import { mergePromptStrings, mergeStrings } from './format.js';
import type { MfaStringsOverride } from './types.js';

const OVERRIDES: Array<[string, MfaStringsOverride | undefined]> = [
  ['no overrides', undefined],
  [
    'words in the on-demand groups',
    {
      enroll: { copy: 'Copy key' },
      summary: { to: 'Recipient' },
      discard: { stay: 'Keep' },
      recoveryCodes: { print: 'Print them' },
      chooseMethod: { lastUsed: 'Recent' },
      passkey: { waiting: 'Touch your key' },
      recovery: { submit: 'Use code' },
    },
  ],
  ['an enrollment heading and a prompt word', { enroll: { title: 'Secure your wallet' }, close: 'Dismiss' }],
  ['a whole language', de],
];

describe('English in two parts', () => {
  it.each(OVERRIDES)('with %s, should complete to what merging over the whole of English gives', (_, overrides) => {
    expect(completeStrings(mergePromptStrings(enPrompt, overrides))).toEqual(mergeStrings(en, overrides));
  });

  it('should keep every group whole in `en`, the public table', () => {
    // German also carries the optional settings group, which ships with MfaSettings in English.
    expect(Object.keys(en).sort()).toEqual(
      Object.keys(de)
        .filter((group) => group !== 'settings')
        .sort(),
    );
    for (const group of ['chooseMethod', 'passkey', 'recovery', 'summary', 'enroll', 'discard', 'recoveryCodes'] as const) {
      expect(Object.keys(en[group]).sort()).toEqual(Object.keys(de[group]).sort());
    }
  });
});
