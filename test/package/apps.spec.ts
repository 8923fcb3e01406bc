// The consumer apps in Chromium: each installed the tarball and resolves the kit only
// through its package exports.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURES, NEXT_URL, REPO, SERVER_URL } from './paths.js';

async function call(path: string, body: unknown, session?: string) {
  const response = await fetch(`${SERVER_URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** The TOTP helper from the installed tarball's `mfa-kit/testing`. */
async function totpCode(secret: string, now: number): Promise<string> {
  const testing = await import(`${FIXTURES}/vite-react19/node_modules/mfa-kit/dist/testing/index.js`);
  return testing.totpCode(secret, { now });
}

/** A session whose user has a verified TOTP device (enrolled at the current 30 s step). */
async function enrolledUser() {
  const { body: session } = await call('/session', {});
  const { body: device } = await call('/mfa/totp/devices', {}, session.token);
  const verified = await call(`/mfa/totp/devices/${device.id}/verify`, { code: await totpCode(device.secret, Date.now()) }, session.token);
  expect(verified.status).toBe(200);
  return { session: session.token as string, secret: device.secret as string };
}

const dialog = (page: Page) => page.getByRole('dialog');

test('Vite + React 19 app: tsc with skipLibCheck off accepts the kit and Dynamic-shaped code', () => {
  execFileSync(process.execPath, [`${REPO}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.json'], { cwd: `${FIXTURES}/vite-react19`, encoding: 'utf8' });
});

test('Vite + React 19 app: a TOTP step-up against the reference server, then the guarded request passes', async ({ page }) => {
  const { session, secret } = await enrolledUser();
  await page.goto(`${SERVER_URL}/vite19/#session=${session}`);
  await page.getByRole('button', { name: 'Export private key' }).click();
  const input = dialog(page).getByLabel('Authentication code');
  await expect(input).toBeFocused();
  // The device accepted this step's code at enrollment; the next step's is within the ±1 window.
  await input.pressSequentially(await totpCode(secret, Date.now() + 30_000));
  await expect(page.locator('output')).toHaveText('exported (wallet.waas.export)');
  await expect(dialog(page)).toHaveCount(0);
});

test('React 18 app: builds, renders the provider on React 18, and opens the modal', async ({ page }) => {
  const { session } = await enrolledUser();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${SERVER_URL}/react18/#session=${session}`);
  await expect(page.locator('main')).toHaveAttribute('data-react-version', /^18\./);
  await page.getByRole('button', { name: 'Sign' }).click();
  await expect(dialog(page).getByLabel('Authentication code')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Next.js App Router app: the page prerendered without an SSR error, and the modal opens', async ({ page }) => {
  const prerendered = readFileSync(`${FIXTURES}/next-app/.next/server/app/index.html`, 'utf8');
  expect(prerendered).toContain('Guarded action: <!-- -->wallet.waas.export');
  const { session } = await enrolledUser();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${NEXT_URL}/#session=${session}`);
  await page.getByRole('button', { name: 'Export private key' }).click();
  await expect(dialog(page).getByLabel('Authentication code')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('output')).toHaveText('mfa_cancelled');
  expect(errors).toEqual([]);
});
