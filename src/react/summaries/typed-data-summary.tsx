'use client';
import { useMfaKit } from '../mfa-kit-context.js';
import { completeStrings } from '../strings/complete-strings.js';
import { fill } from '../strings/format.js';
import { chainName } from './chain-name.js';
import type { ActionSummaryModel } from './describe-action.js';
import { MfaSummaryAddress } from './summary-address.js';
import { MfaSummaryFields, MfaSummaryRows } from './summary-rows.js';
import { MfaVisibleText } from './mfa-visible-text.js';

type TypedDataSummary = Extract<ActionSummaryModel, { kind: 'typed-data' }>;

/** EIP-712 typed data: who asks (domain name, chain, contract), the primary type, and every field. */
export function MfaTypedDataSummary({ summary }: { summary: TypedDataSummary }) {
  const t = completeStrings(useMfaKit('MfaTypedDataSummary').strings).summary;
  return (
    <>
      <MfaSummaryRows
        rows={[
          summary.domainName !== undefined && [t.app, <MfaVisibleText text={summary.domainName} />],
          summary.chainId !== undefined && [t.network, chainName(summary.chainId) ?? fill(t.chainId, { id: summary.chainId })],
          summary.verifyingContract !== undefined && [t.contract, <MfaSummaryAddress address={summary.verifyingContract} />],
          [t.type, <MfaVisibleText text={summary.primaryType} />],
        ]}
      />
      <MfaSummaryFields fields={summary.fields} />
    </>
  );
}
