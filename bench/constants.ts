/** Shared by the server child and its clients. */
export const BENCH_RP_ID = 'localhost';
/** The origin the software authenticator reports; the child expects it. */
export const BENCH_ORIGIN = 'http://localhost:5173';
/** A step boundary plus 10 s (2026-11-27T12:00:10Z), so ±1-step arithmetic is unambiguous. */
export const BENCH_T0_MS = Date.UTC(2026, 10, 27, 12, 0, 0) + 10_000;
export const TOTP_STEP_MS = 30_000;
