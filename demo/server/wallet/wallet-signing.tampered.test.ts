// Threat: an approval given for one signing request is used for another (a token approved to
// send 0.01 ETH to Alice signs 100 ETH to Mallory, a typed-data permit for another spender, or
// a delegation to another contract), or a malformed request burns the user's approval.
import { parseTransaction, recoverTransactionAddress, verifyTypedData } from 'viem';
import { recoverAuthorizationAddress } from 'viem/utils';
import { describe, expect, it } from 'vitest';
import { payloadDigest } from 'mfa-kit/server';
import { type TestServer, type TestSession } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';
import type { WalletSignAuthorizationRequest, WalletSignTransactionRequest, WalletSignTypedDataRequest } from '../../shared/wallet-wire.js';

const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const MALLORY = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

const transaction = (to: `0x${string}`, value: string): WalletSignTransactionRequest => ({
  transaction: { chainId: 8453, to, value, nonce: 7, gas: '21000', maxFeePerGas: '30000000000', maxPriorityFeePerGas: '1000000000' },
});
const permit = (spender: `0x${string}`): WalletSignTypedDataRequest => ({
  typedData: {
    domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48' },
    types: {
      Permit: [
        { name: 'owner', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'value', type: 'uint256' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
      ],
    },
    primaryType: 'Permit',
    message: { owner: ALICE, spender, value: '1000000', nonce: '0', deadline: '1893456000' },
  },
});
const authorization = (contractAddress: `0x${string}`, chainId = 1): WalletSignAuthorizationRequest => ({
  authorization: { chainId, contractAddress, nonce: 0 },
});

interface Kind {
  route: string;
  approved: object;
  tampered: object;
  malformed: object;
  /** Checks the answer with viem, against the wallet's address. */
  verify(answer: any, address: string): Promise<void>;
}

const KINDS: Record<string, Kind> = {
  'an EIP-1559 transaction': {
    route: '/wallet/sign-transaction',
    approved: transaction(ALICE, '10000000000000000'),
    tampered: transaction(MALLORY, '100000000000000000000'),
    malformed: { transaction: { ...transaction(ALICE, '1').transaction, value: 1 } },
    async verify(answer, address) {
      expect(await recoverTransactionAddress({ serializedTransaction: answer.signedTransaction })).toBe(address);
      const parsed = parseTransaction(answer.signedTransaction);
      expect(parsed.type).toBe('eip1559');
      expect(parsed.to).toBe(ALICE.toLowerCase());
      expect(parsed.value).toBe(10_000_000_000_000_000n);
      expect(parsed.chainId).toBe(8453);
      expect(parsed.nonce).toBe(7);
    },
  },
  'EIP-712 typed data': {
    route: '/wallet/sign-typed-data',
    approved: permit(ALICE),
    tampered: permit(MALLORY),
    malformed: { typedData: { ...permit(ALICE).typedData, message: { ...permit(ALICE).typedData.message, hidden: 'x' } } },
    async verify(answer, address) {
      const ok = await verifyTypedData({ ...(permit(ALICE).typedData as any), address, signature: answer.signature });
      expect(ok).toBe(true);
      const forMallory = await verifyTypedData({ ...(permit(MALLORY).typedData as any), address, signature: answer.signature });
      expect(forMallory).toBe(false);
    },
  },
  'an EIP-7702 authorization': {
    route: '/wallet/sign-authorization',
    approved: authorization(ALICE),
    tampered: authorization(MALLORY),
    malformed: { authorization: { chainId: -1, contractAddress: ALICE, nonce: 0 } },
    async verify(answer, address) {
      expect(answer.signedAuthorization).toMatchObject({ chainId: 1, address: ALICE, nonce: 0 });
      expect(await recoverAuthorizationAddress({ authorization: answer.signedAuthorization })).toBe(address);
    },
  },
};

let server: TestServer;
let s: TestSession;
let secret: string;
let address: string;
useTestServer({ databasePath: ':memory:' }, async (started) => {
  server = started;
  s = await server.session('alice');
  ({ secret } = await server.enrollTotp(s));
  address = (await server.call('GET', '/wallet', { session: s })).body.address;
});

describe.each(Object.entries(KINDS))('%s', (_name, kind) => {
  const approve = async (body: object) => server.elevate(s, secret, { action: { mfaAction: 'wallet.waas.sign', payloadDigest: await payloadDigest(body) } });

  it('a token bound to body A refuses body B (403, not burnt), then signs A, and A verifies', async () => {
    const token = await approve(kind.approved);
    const b = await server.call('POST', kind.route, { session: s, body: kind.tampered, elevated: token });
    expect(b.status).toBe(403);
    expect(b.body.error.code).toBe('elevated_access_mismatch');

    const a = await server.call('POST', kind.route, { session: s, body: kind.approved, elevated: token });
    expect(a.status).toBe(200);
    expect(a.body.address).toBe(address);
    await kind.verify(a.body, address);

    // Single-use: the same approval cannot sign A twice.
    expect((await server.call('POST', kind.route, { session: s, body: kind.approved, elevated: token })).status).toBe(401);
  });

  it('without a token: 401 naming wallet:sign in WWW-Authenticate', async () => {
    const answer = await server.call('POST', kind.route, { session: s, body: kind.approved });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('elevated_access_required');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer error="insufficient_user_authentication", scope="wallet:sign"');
  });

  it('a malformed body is a 400 before the guard: the approval is still good afterwards', async () => {
    const token = await approve(kind.approved);
    const bad = await server.call('POST', kind.route, { session: s, body: kind.malformed, elevated: token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    expect((await server.call('POST', kind.route, { session: s, body: kind.approved, elevated: token })).status).toBe(200);
  });
});
