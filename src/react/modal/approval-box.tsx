'use client';
import type { ReactNode } from 'react';

/**
 * What is being approved, in a box of its own between the heading and the step: the slot the
 * modal fills with the action's summary (the app's line, a transaction's fields, typed data).
 */
export function MfaApprovalBox({ children }: { children: ReactNode }) {
  return (
    <div className="mfa-approval" data-slot="approval">
      {children}
    </div>
  );
}
