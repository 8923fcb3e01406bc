import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  parameters: {
    // Every story is checked with axe; a violation fails the story's test.
    a11y: { test: 'error' },
  },
};

export default preview;
