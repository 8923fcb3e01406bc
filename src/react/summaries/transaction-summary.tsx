'use client';
import { useMfaKit } from '../mfa-kit-context.js';
import { completeStrings } from '../strings/complete-strings.js';
import { fill } from '../strings/format.js';
import { chainName } from './chain-name.js';
import type { TransactionSummary } from './describe-action.js';
import { ETH_DECIMALS, GWEI_DECIMALS, formatUnits } from './format-units.js';
import { functionName } from './function-selector.js';
import { MfaSummaryAddress } from './summary-address.js';
import { MfaSummaryRows } from './summary-rows.js';

/** An EIP-1559 transaction: to, value in ETH, network, the function called, the fee cap. */
export function MfaTransactionSummary({ summary }: { summary: TransactionSummary }) {
  const t = completeStrings(useMfaKit('MfaTransactionSummary').strings).summary;
  return (
    <MfaSummaryRows
      rows={[
        [t.to, <MfaSummaryAddress address={summary.to} />],
        [t.amount, `${formatUnits(summary.value, ETH_DECIMALS)} ETH`],
        [t.network, chainName(summary.chainId) ?? fill(t.chainId, { id: summary.chainId })],
        summary.selector !== undefined && [
          t.function,
          <>
            {functionName(summary.selector) ? <code>{functionName(summary.selector)}</code> : null}{' '}
            <span className="mfa-muted">{fill(t.calldata, { selector: summary.selector, bytes: summary.dataBytes })}</span>
          </>,
        ],
        summary.maxFee !== undefined && [
          t.maxFee,
          <>
            {formatUnits(summary.maxFee, ETH_DECIMALS)} ETH{' '}
            <span className="mfa-muted">({fill(t.maxFeePerGas, { gwei: formatUnits(summary.maxFeePerGas ?? 0n, GWEI_DECIMALS) })})</span>
          </>,
        ],
      ]}
    />
  );
}
