/**
 * A demo tab left open past its session's end signs itself out, saying so, instead of
 * answering every later click with a 401. The page's clock is Playwright's, moved forward;
 * the server's session is real and ends 12 hours after sign-in.
 */
import { expect, signIn, test, uniqueName } from './fixtures';

test('a tab left open past its session signs out and says why; signing in again works', async ({ page }) => {
  await page.clock.install();
  const name = uniqueName('expiry');
  const address = await signIn(page, name);

  await page.clock.fastForward('11:59:00');
  await expect(page.getByTestId('address')).toHaveText(address);

  await page.clock.fastForward('02:00');
  const signInForm = page.getByRole('form', { name: 'Sign in' });
  await expect(signInForm.getByRole('status')).toHaveText('Your session has ended. Sign in again to go on.');
  await expect(page.getByLabel('Your name')).toBeVisible();
  await expect(page.getByTestId('address')).toHaveCount(0);

  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('address')).toHaveText(address);
  await expect(signInForm).toHaveCount(0);
});
