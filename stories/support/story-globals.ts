/** The toolbar's theme and locale (`.storybook/preview.tsx` provides them to every story). */
import { createContext, useContext } from 'react';

export interface StoryGlobals {
  theme: 'light' | 'dark';
  locale: 'en' | 'de';
}

export const StoryGlobalsContext = createContext<StoryGlobals>({ theme: 'light', locale: 'en' });

export const useStoryGlobals = (): StoryGlobals => useContext(StoryGlobalsContext);

/** Reads the raw toolbar values defensively (a URL can carry anything). */
export function toStoryGlobals(globals: Record<string, unknown>): StoryGlobals {
  return { theme: globals.theme === 'dark' ? 'dark' : 'light', locale: globals.locale === 'de' ? 'de' : 'en' };
}
