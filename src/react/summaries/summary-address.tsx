'use client';
import { useMemo, useState } from 'react';
import { useMfaKit } from '../mfa-kit-context.js';
import { completeStrings } from '../strings/complete-strings.js';
import { shortenAddress, toChecksumAddress } from './checksum-address.js';

/** An address in its EIP-55 form, shortened, with the full address one click away. */
export function MfaSummaryAddress({ address }: { address: string }) {
  const strings = completeStrings(useMfaKit('MfaSummaryAddress').strings);
  const [full, setFull] = useState(false);
  const checksummed = useMemo(() => toChecksumAddress(address), [address]);
  return (
    <span className="mfa-address" data-state={full ? 'full' : 'short'}>
      <code>{full ? checksummed : shortenAddress(checksummed)}</code>{' '}
      <button type="button" className="mfa-address-toggle" aria-pressed={full} onClick={() => setFull(!full)}>
        {full ? strings.summary.showShortAddress : strings.summary.showFullAddress}
      </button>
    </span>
  );
}
