'use client';
import { useMfaKit } from '../mfa-kit-context.js';
import { completeStrings } from '../strings/complete-strings.js';
import { fill } from '../strings/format.js';
import { chainName } from './chain-name.js';
import type { ActionSummaryModel } from './describe-action.js';
import { MfaSummaryAddress } from './summary-address.js';
import { MfaSummaryRows } from './summary-rows.js';

type AuthorizationSummary = Extract<ActionSummaryModel, { kind: 'authorization' }>;

/** An EIP-7702 authorization: the contract the account delegates to, where, and its nonce. */
export function MfaAuthorizationSummary({ summary }: { summary: AuthorizationSummary }) {
  const t = completeStrings(useMfaKit('MfaAuthorizationSummary').strings).summary;
  // EIP-7702: chain id 0 makes the authorization valid on every chain that accepts it.
  const everyChain = summary.chainId === 0;
  return (
    <>
      <MfaSummaryRows
        rows={[
          [t.delegateTo, <MfaSummaryAddress address={summary.contractAddress} />],
          [
            t.network,
            everyChain ? <strong className="mfa-warning-text">{t.allChains}</strong> : (chainName(summary.chainId) ?? fill(t.chainId, { id: summary.chainId })),
          ],
          [t.nonce, String(summary.nonce)],
        ]}
      />
      {everyChain ? (
        <p className="mfa-summary-warning" data-warning="all-chains">
          {t.allChainsWarning}
        </p>
      ) : null}
    </>
  );
}
