import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MfaPromptRequest } from '../../core/prompt/prompt-state.js';
import { MFAAction } from '../../protocol/index.js';
import { de } from '../strings/de.js';
import { axeViolations } from '../test/axe.js';
import { available, createFixtureController } from '../test/fixture-controller.js';
import { renderModal } from '../test/render-kit.js';
import { preloadActionSummary } from './lazy-action-summary.js';

// The provider fetches the summary renderers at mount; here they are in before any prompt opens.
beforeAll(() => preloadActionSummary());

const lower = (address: string) => address.toLowerCase();
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const RECIPIENT = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

function prompt(action: NonNullable<MfaPromptRequest['action']>, overrides = {}) {
  const controller = createFixtureController({
    step: 'totp',
    promptId: 1,
    request: { requestedScopes: ['wallet:sign'], action },
    available: available(),
    status: { kind: 'idle' },
  });
  return renderModal(controller, overrides);
}
const summaryBox = () => screen.getByRole('group', { name: 'What you are approving' });
const sign = (payload: unknown) => ({ mfaAction: MFAAction.WalletWaasSign, payload });

describe('the action summary in the modal', () => {
  describe('given a transaction', () => {
    const payload = {
      transaction: {
        chainId: 8453,
        to: lower(RECIPIENT),
        value: '10000000000000001',
        nonce: 0,
        gas: '21000',
        maxFeePerGas: '30000000000',
        maxPriorityFeePerGas: '1',
      },
    };
    it('should show the checksummed, shortened recipient, the exact ETH value, the chain and the fee cap', async () => {
      prompt(sign(payload));
      const box = summaryBox();
      expect(box).toHaveTextContent('To0x5aAe…eAed');
      expect(box).toHaveTextContent('Amount0.010000000000000001 ETH');
      expect(box).toHaveTextContent('NetworkBase');
      expect(box).toHaveTextContent('Max network fee0.00063 ETH (up to 30 gwei per gas)');
      expect(box).not.toHaveTextContent('Calls');
      expect(await axeViolations()).toEqual([]);
    });
    it('should show the full checksummed address on demand', async () => {
      prompt(sign(payload));
      await userEvent.click(within(summaryBox()).getByRole('button', { name: 'Show the full address' }));
      expect(summaryBox()).toHaveTextContent(RECIPIENT);
      expect(within(summaryBox()).getByRole('button', { name: 'Show the short address' })).toHaveAttribute('aria-pressed', 'true');
    });
    it('should name an approve() call by its selector, and show an unknown chain by number', () => {
      prompt(sign({ transaction: { ...payload.transaction, chainId: 999999, value: '0', data: `0x095ea7b3${'0'.repeat(128)}` } }));
      expect(summaryBox()).toHaveTextContent('Callsapprove(address,uint256) function 0x095ea7b3 (68 bytes of data)');
      expect(summaryBox()).toHaveTextContent('NetworkChain 999999');
    });
  });

  describe('given typed data with a nested struct', () => {
    it('should show the domain, the primary type and every field, the nested ones in their own list', async () => {
      prompt(
        sign({
          typedData: {
            domain: { name: 'Ether Mail', chainId: 1, verifyingContract: USDC },
            types: {
              Person: [
                { name: 'name', type: 'string' },
                { name: 'wallet', type: 'address' },
              ],
              Mail: [
                { name: 'from', type: 'Person' },
                { name: 'contents', type: 'string' },
              ],
            },
            primaryType: 'Mail',
            message: { from: { name: 'Cow', wallet: RECIPIENT }, contents: 'Hello, Bob!' },
          },
        }),
      );
      const box = summaryBox();
      expect(box).toHaveTextContent('AppEther Mail');
      expect(box).toHaveTextContent('NetworkEthereum');
      expect(box).toHaveTextContent('TypeMail');
      const outer = within(box).getAllByRole('list')[0]!;
      const from = within(outer).getAllByRole('listitem')[0]!;
      expect(from).toHaveTextContent(/^from \(Person\)name \(string\)Cowwallet \(address\)0x5aAe…eAed/);
      expect(within(from).getByRole('list')).toBeInTheDocument();
      expect(await axeViolations()).toEqual([]);
    });
  });

  describe('given an authorization for chain id 0', () => {
    it('should say "All chains" and warn', async () => {
      prompt(sign({ authorization: { chainId: 0, contractAddress: USDC, nonce: 4 } }));
      const box = summaryBox();
      expect(box).toHaveTextContent('Delegates your account to0xA0b8…eB48');
      expect(box).toHaveTextContent('NetworkAll chains');
      expect(box).toHaveTextContent('Nonce4');
      expect(box).toHaveTextContent('Valid on every chain');
      expect(await axeViolations()).toEqual([]);
    });
  });

  describe('given a message with a right-to-left override', () => {
    it('should show the override as its code point and warn, in the app line too', () => {
      prompt({ ...sign({ message: 'pay \u202e0001' }), summary: 'Sign “pay \u202e0001”' });
      expect(summaryBox()).toHaveTextContent('pay U+202E0001');
      expect(summaryBox()).toHaveTextContent('hidden characters');
      expect(screen.getByText(/You are approving/)).toHaveTextContent('You are approving: Sign “pay U+202E0001”');
    });
  });

  describe('given a reshare at sign-in', () => {
    it('should say why, in the provider language', () => {
      prompt({ mfaAction: MFAAction.WalletWaasReshare, payload: {} }, { strings: de });
      expect(screen.getByRole('group', { name: 'Was Sie genehmigen' })).toHaveTextContent('Der Zugriff auf Ihre Wallet hat sich geändert');
    });
  });

  describe('given a claim', () => {
    it('should title it as a claim, not a delegation (both are refreshes)', () => {
      prompt({ mfaAction: MFAAction.WalletWaasRefresh, payload: {} });
      expect(screen.getByRole('dialog', { name: /To claim your wallet/ })).toBeInTheDocument();
      expect(summaryBox()).toHaveTextContent('Claim the wallet that was created for you.');
    });
  });

  describe('given an app renderer', () => {
    it('should show what it renders, and fall back to the kit when it returns undefined', () => {
      const { unmount } = prompt(sign({ order: 42 }), { renderActionSummary: ({ payload }: { payload: any }) => <p>Order #{payload.order}</p> });
      expect(summaryBox()).toHaveTextContent('Order #42');
      unmount();
      prompt(sign({ order: 42 }), { renderActionSummary: () => undefined });
      expect(summaryBox()).toHaveTextContent('order42');
    });
  });

  it('shows an unknown payload field by field, never nothing', () => {
    prompt(sign({ spend: { to: RECIPIENT, amount: '5' } }));
    expect(summaryBox()).toHaveTextContent('spendto0x5aAe…eAed Show the full addressamount5');
  });

  it('shows a transaction with a field its view leaves out field by field, so nothing rides along unseen', () => {
    const transaction = { chainId: 1, to: RECIPIENT, value: '0', authorizationList: [{ address: USDC }] };
    prompt(sign({ transaction }));
    expect(summaryBox()).toHaveAttribute('data-summary', 'fields');
    expect(summaryBox()).toHaveTextContent('authorizationList');
  });

  it('shows no box for an action with an empty payload that has no story (export)', () => {
    prompt({ mfaAction: MFAAction.WalletWaasExport, payload: {} });
    expect(screen.queryByRole('group', { name: 'What you are approving' })).not.toBeInTheDocument();
  });
});
