/**
 * Passkeys end to end, with Chromium's virtual authenticator: real WebAuthn ceremonies in
 * the browser, verified by the reference server with @simplewebauthn/server.
 */
import { expect, saveRecoveryCodes, screenshot, signIn, startExportAndDelegationAtOnce, test, uniqueName } from './fixtures';

test('register a passkey from the first signature, then sign again with it', async ({ page, authenticator }) => {
  const address = await signIn(page, uniqueName('passkey'));
  await page.getByLabel('Message to sign').fill('hello from e2e');
  await page.getByRole('button', { name: 'Sign message' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Add a second step to confirm sensitive actions.')).toBeVisible();
  await dialog.getByRole('button', { name: /Passkey/ }).click();
  await saveRecoveryCodes(page);
  expect(await authenticator.credentialCount()).toBe(1);

  const outcome = page.getByTestId('outcome-sign');
  await expect(outcome.getByTestId('signature')).toHaveText(/^0x[0-9a-f]{130}$/);
  await expect(outcome.getByTestId('recovered')).toHaveText(`✓ The signature recovers to your address ${address}.`);

  // The second signature steps up with the passkey alone: the modal names what is signed.
  await page.getByLabel('Message to sign').fill('second message');
  await page.getByRole('button', { name: 'Sign message' }).click();
  await expect(outcome).toContainText('Signed “second message”');
  await expect(outcome.getByTestId('recovered')).toHaveText(`✓ The signature recovers to your address ${address}.`);
  await screenshot(page, 'passkey-signed');
});

test('a passkey the user does not verify shows "cancelled" and try again works', async ({ page, authenticator }) => {
  await signIn(page, uniqueName('passkey-retry'));
  await page.getByRole('button', { name: 'Export private key' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Passkey/ })
    .click();
  await saveRecoveryCodes(page);
  await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');

  await authenticator.setUserVerified(false);
  await page.getByRole('button', { name: 'Export private key' }).click();
  const dialog = page.getByRole('dialog', { name: 'To export your private key' });
  await expect(dialog.getByRole('alert')).toContainText(/cancelled or timed out|couldn’t be checked/);
  await screenshot(page, 'passkey-cancelled');

  await authenticator.setUserVerified(true);
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');
});

test('two actions started at once open one modal, one after the other', async ({ page, authenticator }) => {
  expect(authenticator.id).toBeTruthy();
  await signIn(page, uniqueName('queue'));
  await page.getByRole('button', { name: 'Export private key' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Passkey/ })
    .click();
  await saveRecoveryCodes(page);
  await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');

  // Hold the first prompt open: the authenticator refuses until the user "verifies".
  await authenticator.setUserVerified(false);
  const [front, behind] = await startExportAndDelegationAtOnce(page);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(dialog).toHaveCount(1);
  await expect(dialog).toHaveAccessibleName(new RegExp(front.title));
  await screenshot(page, 'queued-prompts-one-modal');

  await authenticator.setUserVerified(true);
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId(front.outcome)).toContainText(front.done);
  // The queued prompt then takes the modal, and its own passkey ceremony completes it.
  await expect(page.getByTestId(behind.outcome)).toContainText(behind.done);
  await expect(dialog).toHaveCount(0);
});
