/**
 * Shared steps of the end-to-end specs: a signed-in page, TOTP codes computed from the
 * secret the page shows (as an authenticator app would), and Chromium's virtual
 * authenticator for real passkeys.
 */
import { test as base, expect, type Page } from '@playwright/test';
import * as OTPAuth from 'otpauth';

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
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
