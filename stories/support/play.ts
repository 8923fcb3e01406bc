/** Steps the play functions share: open the prompt like a user, then wait for a step. */
import type { StoryContext } from '@storybook/react-vite';
import { expect, screen, waitFor } from 'storybook/test';

type Driver = Pick<StoryContext, 'canvas' | 'userEvent'>;

/** Clicks the wallet button and returns the modal (a Radix Dialog, portaled to <body>). */
export async function openPrompt({ canvas, userEvent }: Driver, step?: string): Promise<HTMLElement> {
  const [button] = canvas.getAllByRole('button');
  if (!button) throw new Error('The story renders no wallet button.');
  await userEvent.click(button);
  const dialog = await screen.findByRole('dialog');
  // It fades in from opacity 0 (styles.css, mfa-in): wait for the first visible frame.
  await waitFor(() => expect(dialog).toBeVisible());
  if (step) await expectStep(dialog, step);
  return dialog;
}

/** The modal's `data-step` attribute: the controller's snapshot step. */
export async function expectStep(dialog: HTMLElement, step: string): Promise<void> {
  await waitFor(() => expect(dialog).toHaveAttribute('data-step', step));
}

/** What `promptMfaAuth` settled with, as the wallet prints it. */
export async function expectResult({ canvas }: Driver, text: string | RegExp): Promise<void> {
  await waitFor(() => expect(canvas.getByRole('status', { name: 'Result' })).toHaveTextContent(text), { timeout: 3000 });
}
