import { useEffect } from 'react';
import type { Session } from './sign-in';

/**
 * Ends the session in the page when the server ends it (`endsAt`), so a tab left open
 * signs itself out instead of answering every later click with a 401.
 */
export function useSessionExpiry(session: Session | null, onExpired: () => void): void {
  useEffect(() => {
    if (!session) return;
    // setTimeout fires at once past 2^31 − 1 ms (about 24.8 days); re-arm until the end.
    const MAX_DELAY_MS = 2 ** 31 - 1;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      const remaining = session.endsAt - Date.now();
      if (remaining <= 0) return onExpired();
      timer = setTimeout(arm, Math.min(remaining, MAX_DELAY_MS));
    };
    arm();
    return () => clearTimeout(timer);
  }, [session, onExpired]);
}
