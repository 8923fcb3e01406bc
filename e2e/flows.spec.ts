/**
 * The paths around the happy one: cancelling, recovery codes, the deprecated legacy token,
 * approving exactly what is signed, and a reload in the middle of a flow.
 */
import {
  axeViolations,
  enrollTotpFromPrompt,
  expect,
  saveRecoveryCodes,
  screenshot,
  signIn,
  startExportAndDelegationAtOnce,
  test,
  totpCode,
  uniqueName,
} from './fixtures';

test('cancelling the prompt rejects it and the export does not happen', async ({ page }) => {
  await signIn(page, uniqueName('cancel'));
  await page.getByRole('button', { name: 'Export private key' }).click();
  const { secret } = await enrollTotpFromPrompt(page);
  await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');

  const exportButton = page.getByRole('button', { name: 'Export private key' });
  await exportButton.click();
  const dialog = page.getByRole('dialog', { name: 'To export your private key' });
  await expect(dialog.getByLabel('Authentication code')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('outcome-export')).toHaveText('Cancelled: nothing was done.');
  await expect(page.getByTestId('private-key')).toHaveCount(0);
  // Focus goes back to what opened the modal.
  await expect(exportButton).toBeFocused();
  await screenshot(page, 'cancelled');

  // Nothing was consumed by the cancelled prompt: the next code still works.
  await exportButton.click();
  await expect(dialog.getByLabel('Authentication code')).toBeFocused();
  await page.keyboard.type(totpCode(secret, 1));
  await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');
});

test('the open modal keeps focus, clicks and scrolling from the page; a click on the backdrop cancels', async ({ page }) => {
  await signIn(page, uniqueName('modal'));
  const exportButton = page.getByRole('button', { name: 'Export private key' });
  await exportButton.click();
  const dialog = page.getByRole('dialog', { name: 'To export your private key' });
  await expect(dialog).toBeVisible();
  // Radix's scroll lock (react-remove-scroll) hides <body>'s overflow, compensating the scrollbar's width.
  const rootOverflow = () => page.evaluate(() => getComputedStyle(document.body).overflow);
  expect(await rootOverflow()).toBe('hidden');

  // Tab through twice as many stops as the dialog has: focus never reaches the page behind.
  const focusOutside = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      return active &&
        active !== document.body &&
        !document.querySelector('[role="dialog"]')!.contains(active) &&
        !active.hasAttribute('data-radix-focus-guard')
        ? active.outerHTML.slice(0, 80)
        : null;
    });
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
    expect(await focusOutside()).toBeNull();
  }

  // A click inside (on the title) keeps it open, and so does selecting the title's text with a
  // drag that ends on the backdrop; a click on the backdrop closes it like Esc.
  const title = dialog.getByRole('heading');
  await title.click();
  const box = (await title.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(8, 8, { steps: 4 });
  await page.mouse.up();
  await expect(dialog).toBeVisible();
  await page.mouse.click(8, 8);
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('outcome-export')).toHaveText('Cancelled: nothing was done.');
  await expect(exportButton).toBeFocused();
  expect(await rootOverflow()).not.toBe('hidden');
});

test('while its step is still loading, the open modal already holds focus: Tab never reaches the page', async ({ page }) => {
  await signIn(page, uniqueName('slow-step'));
  // The enrollment step is a chunk of its own, loaded when a prompt first needs it. Hold it back
  // so the keys below land while the dialog shows only its spinner.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/enrollment-step-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Export private key' }).click();
  const dialog = page.getByRole('dialog', { name: 'To export your private key' });
  await expect(dialog.locator('.mfa-spinner')).toBeVisible();
  const focusInDialog = () => page.evaluate(() => document.querySelector('[role="dialog"]')!.contains(document.activeElement));
  expect(await focusInDialog()).toBe(true);
  for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Tab']) {
    await page.keyboard.press(key);
    expect(await focusInDialog()).toBe(true);
  }
  release();
  // The step arrives and takes focus itself.
  await expect(dialog.getByRole('button', { name: /Authenticator app/ })).toBeFocused();
});

test('Esc cancels only the prompt in front; the one queued behind it opens next', async ({ page }) => {
  await signIn(page, uniqueName('queue-esc'));
  await page.getByRole('button', { name: 'Export private key' }).click();
  const { secret } = await enrollTotpFromPrompt(page);
  await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');

  const [front, behind] = await startExportAndDelegationAtOnce(page);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Authentication code')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId(front.outcome)).toHaveText('Cancelled: nothing was done.');
  await expect(dialog).toHaveAccessibleName(new RegExp(behind.title));
  await expect(dialog.getByLabel('Authentication code')).toBeFocused();
  await page.keyboard.type(totpCode(secret, 1));
  await expect(page.getByTestId(behind.outcome)).toContainText(behind.done);
  await expect(dialog).toHaveCount(0);
});

test('a recovery code gets the user in when the authenticator is lost, once', async ({ page }) => {
  await signIn(page, uniqueName('recovery'));
  await page.getByRole('button', { name: 'Export private key' }).click();
  const { recoveryCodes } = await enrollTotpFromPrompt(page);
  const [code] = recoveryCodes;

  for (const attempt of ['first', 'reuse'] as const) {
    await page.getByRole('button', { name: 'Export private key' }).click();
    const dialog = page.getByRole('dialog', { name: 'To export your private key' });
    await dialog.getByRole('button', { name: 'Lost access? Use a recovery code' }).click();
    await dialog.getByLabel('Recovery code').fill(code!);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    if (attempt === 'first') {
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');
    } else {
      // A recovery code is single use: the same one is refused the second time.
      await expect(dialog.getByRole('alert')).toContainText('That recovery code didn’t work.');
      await screenshot(page, 'recovery-code-reused');
      await page.keyboard.press('Escape');
    }
  }
});

test('the deprecated createMfaToken path exports with a single-use MFA token', async ({ page }) => {
  await signIn(page, uniqueName('legacy'));
  await page.getByRole('checkbox', { name: /deprecated single-use MFA token/ }).check();
  await page.getByRole('button', { name: 'Export private key' }).click();
  const { secret } = await enrollTotpFromPrompt(page);
  await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');

  await page.getByRole('button', { name: 'Export private key' }).click();
  await expect(page.getByRole('dialog').getByLabel('Authentication code')).toBeFocused();
  await page.keyboard.type(totpCode(secret, 1));
  await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');
  await screenshot(page, 'legacy-token-export');
});

test('the modal names the message being signed, and the signature is for that message', async ({ page, authenticator }) => {
  const address = await signIn(page, uniqueName('approve'));
  await page.getByRole('button', { name: 'Export private key' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Passkey/ })
    .click();
  await saveRecoveryCodes(page);
  await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');

  await authenticator.setUserVerified(false); // holds the modal open so it can be read
  await page.getByLabel('Message to sign').fill('pay 5 ETH to bob');
  await page.getByRole('button', { name: 'Sign message' }).click();
  const dialog = page.getByRole('dialog', { name: 'To sign with your wallet' });
  // The kit renders the summary from the payload the approval binds: the message itself.
  await expect(dialog.getByRole('group', { name: 'What you are approving' })).toHaveText('Messagepay 5 ETH to bob');
  await screenshot(page, 'approval-names-message');

  await expect(dialog.getByRole('button', { name: 'Try again' })).toBeVisible();
  await authenticator.setUserVerified(true);
  await dialog.getByRole('button', { name: 'Try again' }).click();
  const outcome = page.getByTestId('outcome-sign');
  await expect(outcome).toContainText('Signed “pay 5 ETH to bob”');
  await expect(outcome.getByTestId('recovered')).toHaveText(`✓ The signature recovers to your address ${address}.`);
});

test('a reload in the middle of enrollment leaves nothing half-done', async ({ page }) => {
  const name = uniqueName('reload');
  await signIn(page, name);
  await page.getByRole('button', { name: 'Export private key' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /Authenticator app/ }).click();
  await expect(dialog.getByLabel('Setup key', { exact: true })).toBeVisible();

  await page.reload();
  await signIn(page, name);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('outcome-export')).toHaveAttribute('data-outcome', 'none');
  // The half-enrolled device never became a method: the user is offered enrollment again.
  await page
    .getByRole('tab', { name: 'Security' })
    .or(page.getByRole('button', { name: 'Security' }))
    .click();
  await expect(page.getByText(/authenticator app/i).first()).toBeVisible();
  await screenshot(page, 'reload-settings');
  await page.getByRole('button', { name: 'Wallet' }).click();
  await page.getByRole('button', { name: 'Export private key' }).click();
  await expect(page.getByRole('dialog').getByText('Add a second step to confirm sensitive actions.')).toBeVisible();
});

test('an app that never asks first still gets the prompt when the server wants one', async ({ page, authenticator }) => {
  const address = await signIn(page, uniqueName('server-asks'));
  await page.getByRole('button', { name: 'Export private key' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Passkey/ })
    .click();
  await saveRecoveryCodes(page);
  await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');

  // The wallet now calls /wallet/sign-message with no token: the server answers 401 with
  // `WWW-Authenticate: Bearer error="insufficient_user_authentication", scope="wallet:sign"`,
  // withStepUp opens the modal for that scope and the message, then retries once.
  await page.getByRole('checkbox', { name: /let the server ask/ }).check();
  await authenticator.setUserVerified(false);
  await page.getByLabel('Message to sign').fill('asked by the server');
  await page.getByRole('button', { name: 'Sign message' }).click();
  const dialog = page.getByRole('dialog', { name: 'To sign with your wallet' });
  await expect(dialog).toContainText('You are approving: Sign the message “asked by the server”');
  await expect(dialog.getByRole('button', { name: 'Try again' })).toBeVisible();
  await authenticator.setUserVerified(true);
  await dialog.getByRole('button', { name: 'Try again' }).click();
  const outcome = page.getByTestId('outcome-sign');
  await expect(outcome).toContainText('Signed “asked by the server”');
  await expect(outcome.getByTestId('recovered')).toHaveText(`✓ The signature recovers to your address ${address}.`);
});

test('in dark mode the wallet and the modal pass axe, colour contrast included', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signIn(page, uniqueName('dark'));
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Export private key' }).click();
  const dialog = page.getByRole('dialog', { name: 'To export your private key' });
  await dialog.getByRole('button', { name: /Authenticator app/ }).click();
  await expect(dialog.getByLabel('Setup key', { exact: true })).toBeVisible();
  await screenshot(page, 'dark-enrollment');
  expect(await axeViolations(page)).toEqual([]);
});
