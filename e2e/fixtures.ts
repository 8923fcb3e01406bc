/**
 * Shared steps of the end-to-end specs: a signed-in page, TOTP codes computed from the
 * secret the page shows (as an authenticator app would), and Chromium's virtual
 * authenticator for real passkeys.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import * as OTPAuth from 'otpauth';

const require = createRequire(import.meta.url);

export { expect };

export interface VirtualAuthenticator {
  id: string;
  credentialCount(): Promise<number>;
  setUserVerified(verified: boolean): Promise<void>;
}

export const test = base.extend<{ authenticator: VirtualAuthenticator }>({
  authenticator: async ({ page }, use) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await use({
      id: authenticatorId,
      credentialCount: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length,
      setUserVerified: async (isUserVerified) => {
        await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified });
      },
    });
  },
});

/** A user name no other spec uses, so every spec starts with a user who has no factor. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export async function signIn(page: Page, name: string): Promise<string> {
  await page.goto('/');
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const address = page.getByTestId('address');
  await expect(address).toHaveText(/^0x[0-9a-fA-F]{40}$/);
  return (await address.textContent()) ?? '';
}

/** The code an authenticator app would show now for `secret`, or for the next 30 s step. */
export function totpCode(secret: string, stepOffset = 0): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret.replace(/\s+/g, '')), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + stepOffset * 30_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // Finite CSS animations (the modal's fade-in) are fast-forwarded, so the state is what shows.
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, animations: 'disabled' });
}

/**
 * In an open prompt for a user with no factor: choose the authenticator app, read the setup
 * key from the page, type the first code, save the recovery codes and continue.
 */
export async function enrollTotpFromPrompt(page: Page, options: { screenshotAs?: string } = {}): Promise<{ secret: string; recoveryCodes: string[] }> {
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Add a second step to confirm sensitive actions.')).toBeVisible();
  await dialog.getByRole('button', { name: /Authenticator app/ }).click();
  const setupKey = dialog.getByLabel('Setup key', { exact: true });
  await expect(setupKey).toHaveText(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  const secret = ((await setupKey.textContent()) ?? '').replace(/\s+/g, '');
  await expect(dialog.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  if (options.screenshotAs) await screenshot(page, options.screenshotAs);
  await dialog.getByLabel('Authentication code').focus();
  await page.keyboard.type(totpCode(secret));
  return { secret, recoveryCodes: await saveRecoveryCodes(page) };
}

/** The recovery codes step: read them, tick the acknowledgement, continue. */
export async function saveRecoveryCodes(page: Page): Promise<string[]> {
  const dialog = page.getByRole('dialog');
  const list = dialog.getByRole('list', { name: 'Recovery codes' });
  await expect(list.getByRole('listitem')).toHaveCount(10);
  const recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((code) => code.trim());
  const proceed = dialog.getByRole('button', { name: 'Continue' });
  await expect(proceed).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'I have saved these codes' }).check();
  await proceed.click();
  return recoveryCodes;
}

/** Runs axe-core in the page and returns its violations (id and the nodes it found). */
export async function axeViolations(page: Page): Promise<Array<{ id: string; nodes: string[] }>> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> };
      }
    ).axe;
    // Radix Dialog's focus guards and the page hidden behind its focus trap: neither can take focus while it holds.
    const context = { include: [document.body], exclude: [['[data-radix-focus-guard]'], ['[data-aria-hidden="true"]']] };
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** One of the two prompts `startExportAndDelegationAtOnce` asks for. */
export interface QueuedPrompt {
  title: string;
  outcome: string;
  done: string;
}

/**
 * Clicks Export and Delegate in the same task, so one modal opens with the other prompt queued
 * behind it, and answers the two in the order they open. Each action first asks the server
 * whether it needs MFA, so whichever answer arrives first prompts first.
 */
export async function startExportAndDelegationAtOnce(page: Page): Promise<[front: QueuedPrompt, behind: QueuedPrompt]> {
  await page.evaluate(() => {
    const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === name)!;
    button('Export private key').click();
    button('Delegate access').click();
  });
  const exportPrompt = { title: 'To export your private key', outcome: 'outcome-export', done: 'Private key exported' };
  const delegationPrompt = { title: 'To delegate your wallet', outcome: 'outcome-delegation', done: 'Access delegated' };
  const dialog = page.getByRole('dialog');
  await expect(dialog).toHaveAccessibleName(/To export your private key|To delegate your wallet/);
  const exportFirst = (await dialog.getByText(exportPrompt.title).count()) > 0;
  return exportFirst ? [exportPrompt, delegationPrompt] : [delegationPrompt, exportPrompt];
}
