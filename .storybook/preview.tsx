import type { Decorator, Preview } from '@storybook/react-vite';
import { useEffect } from 'react';
import 'mfa-kit/react/styles.css';
import { StoryGlobalsContext, toStoryGlobals } from '../stories/support/story-globals.js';
import './preview.css';

/**
 * The toolbar's theme and locale reach every story through a context; the modal stories pass
 * them to `<MfaProvider theme strings>` (German strings for 'de'). The provider keeps its controller when they change,
 * so switching either one restyles or translates an open modal in place.
 */
const withThemeAndLocale: Decorator = (Story, context) => {
  const globals = toStoryGlobals(context.globals);
  return (
    <StoryGlobalsContext.Provider value={globals}>
      <DocumentLanguage locale={globals.locale} />
      <div className="story-page" data-theme={globals.theme}>
        <Story />
      </div>
    </StoryGlobalsContext.Provider>
  );
};

/** A German app is a German page: `<html lang>` follows the locale, as an app's would. */
function DocumentLanguage({ locale }: { locale: string }) {
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
}

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'The MfaProvider theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'The MfaProvider locale',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'de', title: 'Deutsch', right: 'de' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  decorators: [withThemeAndLocale],
  parameters: {
    layout: 'fullscreen',
    // Every story is checked with axe; a violation fails the story's test.
    // Radix Dialog's focus guards and the page it hides behind its focus trap are left out:
    // axe calls them focusable inside aria-hidden, though the trap lets neither take focus.
    a11y: { test: 'error', context: { include: ['body'], exclude: [['[data-radix-focus-guard]'], ['[data-aria-hidden="true"]']] } },
  },
};

export default preview;
