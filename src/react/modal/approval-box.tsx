'use client';
import type { ReactNode } from 'react';
import { useMfaKit } from '../mfa-kit-context.js';
import { fill } from '../strings/format.js';

/**
 * What is being approved, in a box of its own between the heading and the step. `children`
 * is the slot for a richer summary (a transaction's fields, typed data); without it the
 * caller's one-line `summary` is shown.
 */
export function MfaApprovalBox({ summary, children }: { summary?: string | undefined; children?: ReactNode }) {
  const { strings } = useMfaKit('MfaApprovalBox');
  return (
    <div className="mfa-approval" data-slot="approval">
      {children ?? <p className="mfa-approval-summary">{fill(strings.approving, { summary: summary ?? '' })}</p>}
    </div>
  );
}
