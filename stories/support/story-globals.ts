/** The toolbar's theme and locale (`.storybook/preview.tsx` provides them to every story). */
import { createContext, useContext } from 'react';
import type { MfaStrings } from 'mfa-kit/react';
import { de } from 'mfa-kit/react/strings/de';

export interface StoryGlobals {
  theme: 'light' | 'dark';
  locale: 'en' | 'de';
}

export const StoryGlobalsContext = createContext<StoryGlobals>({ theme: 'light', locale: 'en' });

/** The toolbar's choices, with the strings to give `MfaProvider` for the chosen locale. */
export function useStoryGlobals(): StoryGlobals & { strings: MfaStrings | undefined } {
  const globals = useContext(StoryGlobalsContext);
  return { ...globals, strings: globals.locale === 'de' ? de : undefined };
}

/** Reads the raw toolbar values defensively (a URL can carry anything). */
export function toStoryGlobals(globals: Record<string, unknown>): StoryGlobals {
  return { theme: globals.theme === 'dark' ? 'dark' : 'light', locale: globals.locale === 'de' ? 'de' : 'en' };
}
