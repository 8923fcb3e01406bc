/**
 * TOTP end to end: a new user enrolls from the first guarded action (enroll, then continue),
 * saves the recovery codes, and the export goes through; later actions step up with a code
 * computed from the secret the page showed, as an authenticator app would.
 */
import { privateKeyToAccount } from 'viem/accounts';
import { axeViolations, enrollTotpFromPrompt, expect, screenshot, signIn, test, totpCode, uniqueName } from './fixtures';

test('enroll TOTP from the first export, then export again with a code', async ({ page }) => {
  const address = await signIn(page, uniqueName('totp'));

  await page.getByRole('button', { name: 'Export private key' }).click();
  const { secret } = await enrollTotpFromPrompt(page, { screenshotAs: 'totp-enroll-qr' });

  const key = page.getByTestId('outcome-export').getByTestId('private-key');
  await expect(key).toHaveText(/^0x[0-9a-f]{64}$/);
  // The key exported is the key of the address shown: real secp256k1, not a placeholder.
  expect(privateKeyToAccount((await key.textContent()) as `0x${string}`).address).toBe(address);

  await page.getByRole('button', { name: 'Export private key' }).click();
  const dialog = page.getByRole('dialog', { name: 'To export your private key' });
  await expect(dialog.getByLabel('Authentication code')).toBeFocused();
  await screenshot(page, 'totp-prompt');
  expect(await axeViolations(page)).toEqual([]);
  // The enrollment used this 30 s step; replay protection accepts only a later one.
  await page.keyboard.type(totpCode(secret, 1));
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');
});

test('a wrong code says so with the attempts left, and the right one still works', async ({ page }) => {
  await signIn(page, uniqueName('wrong'));
  await page.getByRole('button', { name: 'Export private key' }).click();
  const { secret } = await enrollTotpFromPrompt(page);

  await page.getByRole('button', { name: 'Export private key' }).click();
  const dialog = page.getByRole('dialog', { name: 'To export your private key' });
  const input = dialog.getByLabel('Authentication code');
  await expect(input).toBeFocused();
  await page.keyboard.type(wrongCode(secret));
  await expect(dialog.getByRole('alert')).toContainText('That code didn’t work. 4 attempts left.');
  await screenshot(page, 'totp-wrong-code');
  expect(await axeViolations(page)).toEqual([]);
  await expect(page.getByTestId('outcome-export')).toHaveAttribute('data-outcome', 'busy');

  await input.fill('');
  await input.focus();
  await page.keyboard.type(totpCode(secret, 1));
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');
});

test('five wrong codes lock the prompt with a countdown', async ({ page }) => {
  await signIn(page, uniqueName('lockout'));
  await page.getByRole('button', { name: 'Export private key' }).click();
  const { secret } = await enrollTotpFromPrompt(page);

  await page.getByRole('button', { name: 'Export private key' }).click();
  const dialog = page.getByRole('dialog', { name: 'To export your private key' });
  const input = dialog.getByLabel('Authentication code');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await expect(input).toBeEnabled();
    await input.fill('');
    await input.focus();
    await page.keyboard.type(wrongCode(secret));
    if (attempt < 5) await expect(dialog.getByRole('alert')).toContainText(`${5 - attempt} attempt`);
  }
  await input.fill('').catch(() => undefined);
  await page.keyboard.type(wrongCode(secret)).catch(() => undefined);
  await expect(dialog.getByRole('alert')).toContainText(/Too many attempts\. Try again in \d+:\d\d/);
  await screenshot(page, 'totp-locked');

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('outcome-export')).toContainText('Cancelled: nothing was done.');
});

/** A 6-digit code that is none of the codes the server would accept now. */
function wrongCode(secret: string): string {
  const valid = new Set([-1, 0, 1, 2].map((offset) => totpCode(secret, offset)));
  for (let n = 123456; ; n++) if (!valid.has(String(n))) return String(n);
}
