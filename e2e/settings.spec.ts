/**
 * Managing factors: adding a second one steps up with `credential:link`, renaming a passkey
 * with `credential:update`, removing one with `credential:unlink`.
 */
import { enrollTotpFromPrompt, expect, screenshot, signIn, test, totpCode, uniqueName } from './fixtures';

test('add a passkey beside TOTP, rename it, then remove the authenticator app', async ({ page, authenticator }) => {
  await signIn(page, uniqueName('settings'));
  await page.getByRole('button', { name: 'Export private key' }).click();
  const { secret } = await enrollTotpFromPrompt(page);
  await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');

  await page.getByRole('button', { name: 'Security' }).click();
  const settings = page.getByRole('region', { name: 'Two-step verification' });
  await expect(settings.getByRole('list', { name: 'Authenticator apps' }).getByRole('listitem')).toHaveCount(1);

  // A second factor needs `credential:link`: the prompt asks for the existing one first.
  await settings.getByRole('button', { name: 'Add a passkey' }).click();
  const dialog = page.getByRole('dialog', { name: 'To add a sign-in method' });
  await expect(dialog.getByLabel('Authentication code')).toBeFocused();
  await page.keyboard.type(totpCode(secret, 1));
  const passkeys = settings.getByRole('list', { name: 'Passkeys' });
  await expect(passkeys.getByRole('button', { name: /^Remove / })).toHaveCount(1);
  expect(await authenticator.credentialCount()).toBe(1);

  await passkeys.getByRole('button', { name: /^Rename / }).click();
  await settings.getByLabel('Passkey name').fill('Work laptop');
  await settings.getByRole('button', { name: 'Save' }).click();
  // Renaming needs `credential:update`. The last method used (TOTP) opens; the user switches
  // to the new passkey (TOTP's next code is a step away).
  const update = page.getByRole('dialog', { name: 'To change your sign-in methods' });
  await update.getByRole('button', { name: 'Use another method' }).click();
  await update.getByRole('button', { name: /Passkey/ }).click();
  await expect(update).toBeHidden();
  await expect(passkeys).toContainText('Work laptop');
  await screenshot(page, 'settings-two-factors');

  // Removing needs `credential:unlink`: the passkey, used last, opens and signs by itself.
  await settings.getByRole('button', { name: 'Remove Authenticator app' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('You won’t be able to use it to confirm actions any more.');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  const unlink = page.getByRole('dialog', { name: 'To remove a sign-in method' });
  await expect(unlink).toBeHidden();
  await expect(settings.getByRole('list', { name: 'Authenticator apps' })).toContainText('None yet.');
  await expect(passkeys).toContainText('Work laptop');
});
