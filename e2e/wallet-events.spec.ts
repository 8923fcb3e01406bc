/**
 * Every wallet event of the spec, in the demo: the four kinds of signature approved as shown
 * (with TOTP and with a passkey), claiming a pregenerated wallet, and the reshare at the
 * sign-in after delegated access changed.
 */
import type { Page } from '@playwright/test';
import { enrollTotpFromPrompt, expect, saveRecoveryCodes, screenshot, signIn, test, totpCode, uniqueName } from './fixtures';

const summaryOf = (page: Page) => page.getByRole('dialog').getByRole('group', { name: 'What you are approving' });

interface Kind {
  button: RegExp;
  outcome: string;
  shows: string[];
  verified: RegExp;
}
const KINDS: Kind[] = [
  {
    button: /Sign a transaction/,
    outcome: 'outcome-transaction',
    shows: ['To0x7099…79C8', 'Amount0.01 ETH', 'NetworkBase', 'Max network fee0.000042 ETH'],
    verified: /^✓ The transaction recovers to your address\. It pays 0\.01 ETH to 0x70997970c51812dc3a010c7d01b50e0d17dc79c8 on chain 8453\.$/,
  },
  {
    button: /Sign typed data/,
    outcome: 'outcome-typed-data',
    shows: ['AppEther Mail', 'NetworkEthereum', 'TypeMail', 'contents (string)Hello, Bob!'],
    verified: /^✓ The typed-data signature recovers to your address\.$/,
  },
  {
    button: /Sign an EIP-7702 authorization/,
    outcome: 'outcome-authorization',
    shows: ['Delegates your account to0x63c0…E32B', 'NetworkAll chains', 'Valid on every chain'],
    verified: /^✓ The authorization recovers to your address\. It delegates to 0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B on chain 0\.$/,
  },
  {
    button: /^Sign message$/,
    outcome: 'outcome-sign',
    shows: ['Messagehello'],
    verified: /✓ The signature recovers to your address/,
  },
];

/** Starts a kind's signature and checks the modal shows what it binds. */
async function startSigning(page: Page, kind: Kind) {
  if (kind.button.source.includes('7702')) await page.getByRole('checkbox', { name: /every chain/ }).check();
  await page.getByRole('button', { name: kind.button }).click();
  await expect(page.getByRole('dialog', { name: 'To sign with your wallet' })).toBeVisible();
  for (const text of kind.shows) await expect(summaryOf(page)).toContainText(text);
}

async function expectSigned(page: Page, kind: Kind) {
  await expect(page.getByRole('dialog')).toBeHidden();
  const outcome = page.getByTestId(kind.outcome);
  await expect(outcome).toHaveAttribute('data-outcome', 'ok');
  if (kind.outcome === 'outcome-sign') await expect(outcome.getByTestId('recovered')).toHaveText(kind.verified);
  else await expect(outcome).toHaveText(kind.verified);
}

test('each kind of signature is approved with TOTP as the modal shows it, and verifies', async ({ page }) => {
  // A TOTP device accepts each 30 s step once, and only the current and the next step are
  // safe to type (a past step can fall out of the window before the server reads it). So
  // each of two users approves one kind with the first code of the TOTP it enrolls in the
  // prompt, and the next kind with the next step's code: four codes, no waiting.
  for (const [index, [first, second]] of [KINDS.slice(0, 2), KINDS.slice(2)].entries()) {
    await signIn(page, uniqueName(`sign-totp-${index}`));
    await startSigning(page, first!);
    if (index === 0) await screenshot(page, 'transaction-summary');
    const { secret } = await enrollTotpFromPrompt(page);
    await expectSigned(page, first!);

    await startSigning(page, second!);
    await expect(page.getByRole('dialog').getByLabel('Authentication code')).toBeFocused();
    await page.keyboard.type(totpCode(secret, 1));
    await expectSigned(page, second!);
    await page.getByRole('button', { name: 'Sign out' }).click();
  }
});

test('each kind of signature is approved with a passkey whose challenge commits to it', async ({ page, authenticator }) => {
  await signIn(page, uniqueName('sign-passkey'));
  await page.getByRole('button', { name: 'Export private key' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Passkey/ })
    .click();
  await saveRecoveryCodes(page);
  await expect(page.getByTestId('outcome-export')).toContainText('Private key exported');
  expect(await authenticator.credentialCount()).toBe(1);

  for (const kind of KINDS) {
    // The assertion is refused first, which holds the modal open long enough to read it.
    await authenticator.setUserVerified(false);
    await startSigning(page, kind);
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Try again' })).toBeVisible();
    if (kind.outcome === 'outcome-typed-data') await screenshot(page, 'typed-data-summary');
    await authenticator.setUserVerified(true);
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await expectSigned(page, kind);
  }
});

test('a wallet pregenerated for a name is found at its first sign-in and claimed', async ({ page }) => {
  const name = uniqueName('claim');
  await page.goto('/');
  await page.getByLabel('Their name').fill(name);
  await page.getByRole('button', { name: 'Create wallet' }).click();
  await expect(page.getByTestId('pregenerated')).toContainText(`created for ${name}`);
  const pregenerated = /Wallet (0x[0-9a-fA-F]{40})/.exec((await page.getByTestId('pregenerated').textContent()) ?? '')![1]!;

  expect(await signIn(page, name)).toBe(pregenerated);
  const lifecycle = page.getByTestId('wallet-lifecycle');
  await expect(lifecycle).toHaveAttribute('data-state', 'unclaimed');
  await page.getByRole('button', { name: 'Claim your wallet' }).click();
  await expect(page.getByRole('dialog', { name: 'To claim your wallet' })).toBeVisible();
  await expect(summaryOf(page)).toHaveText('Claim the wallet that was created for you.');
  await enrollTotpFromPrompt(page);
  await expect(lifecycle).toHaveText('Wallet claimed: it is yours now.');
});

test('after delegating, the next sign-in reshares the key, saying why', async ({ page }) => {
  const name = uniqueName('reshare');
  await signIn(page, name);
  await page.getByRole('button', { name: 'Delegate access' }).click();
  const { secret } = await enrollTotpFromPrompt(page);
  await expect(page.getByTestId('outcome-delegation')).toContainText('Access delegated');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, name);
  const dialog = page.getByRole('dialog', { name: 'To change delegated access' });
  await expect(summaryOf(page)).toHaveText('Your wallet’s access changed. Confirm to update its key shares.');
  await screenshot(page, 'reshare-at-sign-in');
  await expect(dialog.getByLabel('Authentication code')).toBeFocused();
  await page.keyboard.type(totpCode(secret, 1));
  await expect(page.getByTestId('wallet-lifecycle')).toHaveText('Key shares updated.');

  // Done once: the sign-in after that asks nothing.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, name);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('wallet-lifecycle')).toHaveCount(0);
});
