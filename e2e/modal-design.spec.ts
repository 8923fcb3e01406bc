/**
 * The modal's design promises, in real Chromium against the real server: stray clicks never
 * lose what is shown once, a narrow screen gets a bottom sheet, a spaced paste fills the
 * code, and a prompt opened from inside the app's own Radix dialog works. The main states
 * are saved under docs/screenshots/ (desktop and 390 px), which the README links.
 */
import type { Page } from '@playwright/test';
import { enrollTotpFromPrompt, expect, signIn, test, totpCode, uniqueName } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `docs/screenshots/${name}.png`, animations: 'disabled' });

/** Pastes `text` into the focused field the way the browser does (a paste event with clipboard data). */
async function paste(page: Page, text: string) {
  await page.evaluate((value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test.describe('desktop', () => {
  test('a backdrop click during enrollment keeps the modal; Esc on the recovery codes asks before discarding them', async ({ page }) => {
    await signIn(page, uniqueName('stray'));
    await page.getByRole('button', { name: 'Export private key' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /Authenticator app/ }).click();
    await expect(dialog.getByLabel('Setup key', { exact: true })).toBeVisible();
    await expect(dialog.getByText('Authenticator app · 2 of 3')).toBeVisible();
    // The overlay, well outside the modal.
    await page.mouse.click(8, 8);
    await expect(dialog.getByLabel('Setup key', { exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog.getByRole('alertdialog', { name: 'Your authenticator app isn’t set up yet' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Stay' }).click();
    // Back where they were: the same key, so the code from the app they scanned still works.
    const secret = ((await dialog.getByLabel('Setup key', { exact: true }).textContent()) ?? '').replace(/\s+/g, '');
    await dialog.getByLabel('Authentication code').focus();
    await page.keyboard.type(totpCode(secret));

    const codes = dialog.getByRole('list', { name: 'Recovery codes' });
    await expect(codes.getByRole('listitem')).toHaveCount(10);
    await shot(page, 'desktop-recovery-codes');
    await page.mouse.click(8, 8);
    await expect(codes).toBeVisible();
    await page.keyboard.press('Escape');
    const ask = dialog.getByRole('alertdialog', { name: 'Your recovery codes aren’t saved yet' });
    await expect(ask).toBeVisible();
    await expect(ask.getByRole('button', { name: 'Stay' })).toBeFocused();
    await shot(page, 'desktop-confirm-discard');
    await ask.getByRole('button', { name: 'Leave anyway' }).click();
    await expect(dialog).toBeHidden();
    // The factor is set up but the codes were never saved: the action did not run, and settings says new codes are needed.
    await expect(page.getByTestId('private-key')).toHaveCount(0);
  });

  test('a spaced paste fills the 6 digits and approves', async ({ page }) => {
    await signIn(page, uniqueName('paste'));
    await page.getByRole('button', { name: 'Export private key' }).click();
    const { secret } = await enrollTotpFromPrompt(page);
    await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');

    await page.getByRole('button', { name: 'Export private key' }).click();
    const field = page.getByRole('dialog').getByLabel('Authentication code');
    await expect(field).toBeFocused();
    await shot(page, 'desktop-totp');
    const code = totpCode(secret, 1);
    await paste(page, `${code.slice(0, 3)} ${code.slice(3)}`);
    await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');
  });

  test('a prompt opened from inside the app’s Radix dialog works, and closing it leaves that dialog open', async ({ page }) => {
    await signIn(page, uniqueName('nested'));
    await page.getByRole('button', { name: 'Export private key' }).click();
    const { secret } = await enrollTotpFromPrompt(page);
    await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');

    await page.getByRole('button', { name: 'Send 0.1 ETH…' }).click();
    const appDialog = page.getByRole('dialog', { name: 'Confirm send' });
    const confirm = appDialog.getByRole('button', { name: 'Confirm' });
    await confirm.click();
    const prompt = page.locator('.mfa-content');
    await expect(prompt.getByLabel('Authentication code')).toBeFocused();
    // A click inside the prompt keeps both; Esc closes the prompt only, focus back on Confirm.
    await prompt.getByRole('heading').click();
    await page.keyboard.press('Escape');
    await expect(prompt).toHaveCount(0);
    await expect(appDialog).toBeVisible();
    await expect(page.getByTestId('outcome-send')).toHaveText('Not approved (mfa_cancelled).');
    await expect(confirm).toBeFocused();

    await confirm.click();
    await expect(prompt.getByLabel('Authentication code')).toBeFocused();
    await page.keyboard.type(totpCode(secret, 1));
    await expect(page.getByTestId('outcome-send')).toHaveText('Approved: ready to send.');
    await expect(appDialog).toBeVisible();
  });
});

test.describe('390 px', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the step-up is a bottom sheet, and enrollment offers the authenticator link first', async ({ page }) => {
    await signIn(page, uniqueName('sheet'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Export private key' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /Authenticator app/ }).click();
    const link = dialog.getByRole('link', { name: 'Open in authenticator app' });
    await expect(link).toHaveAttribute('href', /^otpauth:\/\/totp\//);
    await shot(page, 'mobile-enroll');
    const secret = ((await dialog.getByLabel('Setup key', { exact: true }).textContent()) ?? '').replace(/\s+/g, '');
    await dialog.getByLabel('Authentication code').focus();
    await page.keyboard.type(totpCode(secret));
    await dialog.getByRole('checkbox', { name: 'I have saved these codes' }).check();
    await shot(page, 'mobile-recovery-codes');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');

    await page.getByRole('button', { name: 'Export private key' }).click();
    await expect(dialog.getByLabel('Authentication code')).toBeFocused();
    // The sheet slides up as it opens (the prompt opens at once now): its resting place counts.
    const edges = async () => {
      const box = (await dialog.boundingBox())!;
      return [Math.round(box.x), Math.round(box.width), Math.round(box.y + box.height)];
    };
    await expect.poll(edges).toEqual([0, 390, 844]);
    await shot(page, 'mobile-totp-sheet');
  });
});
