import type { StorybookConfig } from '@storybook/react-vite';

// Storybook's Vite builder reads the repo's one `vite.config.ts` (its plugins and the
// aliases that point the package's names at the sources). Stories are an app, not a library:
// the library-mode part of that config is dropped here.
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, builder: { name: '@storybook/builder-vite', options: { viteConfigPath: 'vite.config.ts' } } },
  viteFinal: (viteConfig) => {
    if (viteConfig.build) {
      delete viteConfig.build.lib;
      delete viteConfig.build.rolldownOptions;
    }
    return viteConfig;
  },
};

export default config;
