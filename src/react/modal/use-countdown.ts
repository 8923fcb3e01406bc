'use client';
import { useEffect, useState } from 'react';

/** Whole seconds until `untilMs` (epoch), ticking once a second; 0 once it has passed. */
export function useCountdown(untilMs: number | undefined): number {
  const remaining = () => (untilMs === undefined ? 0 : Math.max(0, Math.ceil((untilMs - Date.now()) / 1000)));
  const [seconds, setSeconds] = useState(remaining);
  useEffect(() => {
    setSeconds(remaining());
    if (untilMs === undefined) return;
    const timer = setInterval(() => {
      const next = remaining();
      setSeconds(next);
      if (next === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
    // `remaining` only reads `untilMs`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [untilMs]);
  return seconds;
}
