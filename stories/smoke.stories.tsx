import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';

const meta: Meta = { title: 'Smoke', render: () => <button type="button">Hello</button> };
export default meta;
export const Renders: StoryObj = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Hello' })).toBeVisible();
  },
};
