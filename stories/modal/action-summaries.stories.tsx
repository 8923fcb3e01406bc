import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { MFAAction } from 'mfa-kit/react';
import { openPrompt } from '../support/play.js';
import { PromptStory } from '../support/prompt-story.js';
import { createStubApi } from '../support/stub-api.js';

/**
 * What an action-bound prompt shows, rendered by the kit from the very payload whose digest
 * the approval binds: a transaction, EIP-712 typed data, an EIP-7702 authorization, a message.
 * Every story runs axe (the a11y addon fails the test on a violation).
 */
const meta = {
  title: 'Modal/Action summaries',
  component: PromptStory,
  args: { api: () => createStubApi('totp'), label: 'Sign', request: {} },
} satisfies Meta<typeof PromptStory>;
export default meta;
type Story = StoryObj<typeof meta>;

const sign = (payload: unknown) => ({ request: { action: { mfaAction: MFAAction.WalletWaasSign, payload } } });
// The summary renderers load on their own (the provider fetches them at mount): find, don't get.
const summaryIn = (dialog: HTMLElement) => within(dialog).findByRole('group', { name: /What you are approving|Was Sie genehmigen/ });

export const Transaction: Story = {
  args: sign({
    transaction: {
      chainId: 1,
      to: '0xd8da6bf26964af9d7eed9e03e53415d37aa96045',
      value: '1250000000000000000',
      nonce: 12,
      gas: '65000',
      maxFeePerGas: '40000000000',
      maxPriorityFeePerGas: '2000000000',
      data: `0xa9059cbb${'0'.repeat(24)}70997970c51812dc3a010c7d01b50e0d17dc79c8${'0'.repeat(63)}1`,
    },
  }),
  play: async (context) => {
    const summary = await summaryIn(await openPrompt(context, 'totp'));
    await expect(summary).toHaveTextContent('To0xd8dA…6045');
    await expect(summary).toHaveTextContent('Amount1.25 ETH');
    await expect(summary).toHaveTextContent('Callstransfer(address,uint256)');
    await userEvent.click(within(summary).getByRole('button', { name: 'Show the full address' }));
    await expect(summary).toHaveTextContent('0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045');
  },
};

const ORDER_TYPES = {
  Order: [
    { name: 'maker', type: 'Party' },
    { name: 'taker', type: 'Party' },
    { name: 'items', type: 'Item[]' },
    { name: 'expiry', type: 'uint256' },
  ],
  Party: [
    { name: 'name', type: 'string' },
    { name: 'wallet', type: 'address' },
  ],
  Item: [
    { name: 'token', type: 'address' },
    { name: 'amount', type: 'uint256' },
    { name: 'note', type: 'string' },
  ],
};

/** Nested structs and an array of them: each level indents; the long list scrolls in its box. */
export const TypedDataNestedAndLong: Story = {
  args: sign({
    typedData: {
      domain: { name: 'Seaport', version: '1.6', chainId: 8453, verifyingContract: '0x0000000000000068F116a894984e2DB1123eB395' },
      types: ORDER_TYPES,
      primaryType: 'Order',
      message: {
        maker: { name: 'Alice', wallet: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
        taker: { name: 'Bob', wallet: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' },
        items: Array.from({ length: 12 }, (_, i) => ({
          token: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
          amount: String((i + 1) * 1_000_000),
          note: `Item number ${i + 1} of a long order, with a description long enough to wrap`,
        })),
        expiry: '1893456000',
      },
    },
  }),
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    const summary = await summaryIn(dialog);
    await expect(summary).toHaveTextContent('AppSeaport');
    await expect(summary).toHaveTextContent('NetworkBase');
    await expect(summary).toHaveTextContent('TypeOrder');
    // Long: it scrolls inside its box, and the code input stays on screen.
    await expect(summary.scrollHeight).toBeGreaterThan(summary.clientHeight);
    await expect(within(dialog).getByLabelText('Authentication code')).toBeVisible();
    const maker = within(summary).getAllByRole('listitem')[0]!;
    await expect(within(maker).getByRole('list')).toHaveTextContent('name (string)Alice');
  },
};

/** Chain id 0: valid on every chain, shown as a warning. */
export const AuthorizationAllChains: Story = {
  args: sign({ authorization: { chainId: 0, contractAddress: '0x63c0c19a282a1b52b07dd5a65b58948a07dae32b', nonce: 3 } }),
  play: async (context) => {
    const summary = await summaryIn(await openPrompt(context, 'totp'));
    await expect(summary).toHaveTextContent('Delegates your account to0x63c0…E32B');
    await expect(summary).toHaveTextContent('NetworkAll chains');
    await expect(within(summary).getByText(/Valid on every chain/)).toBeVisible();
  },
};

export const AuthorizationOneChain: Story = {
  args: sign({ authorization: { chainId: 10, contractAddress: '0x63c0c19a282a1b52b07dd5a65b58948a07dae32b', nonce: 0 } }),
  play: async (context) => {
    const summary = await summaryIn(await openPrompt(context, 'totp'));
    await expect(summary).toHaveTextContent('NetworkOP Mainnet');
    await expect(within(summary).queryByText(/Valid on every chain/)).toBeNull();
  },
};

/** Trojan Source: a right-to-left override and a zero-width space, shown as code points. */
export const MessageWithBidiControls: Story = {
  args: sign({ message: 'Pay Bob \u202e0001\u202c ETH\u200b — ‏שלום' }),
  play: async (context) => {
    const summary = await summaryIn(await openPrompt(context, 'totp'));
    await expect(summary).toHaveTextContent('Pay Bob U+202E0001U+202C ETHU+200B');
    await expect(within(summary).getByText(/hidden characters/)).toBeVisible();
  },
};

export const MessageGermanDark: Story = {
  ...MessageWithBidiControls,
  globals: { theme: 'dark', locale: 'de' },
  play: async (context) => {
    const summary = await summaryIn(await openPrompt(context, 'totp'));
    await expect(within(summary).getByText(/versteckte Zeichen/)).toBeVisible();
  },
};

export const ReshareAtSignIn: Story = {
  args: { request: { action: { mfaAction: MFAAction.WalletWaasReshare, payload: {} } } },
  play: async (context) => {
    const summary = await summaryIn(await openPrompt(context, 'totp'));
    await expect(summary).toHaveTextContent('Your wallet’s access changed. Confirm to update its key shares.');
  },
};
