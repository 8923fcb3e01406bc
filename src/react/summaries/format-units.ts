/**
 * Exact decimal formatting of token amounts (wei → ETH, wei → gwei) with bigint arithmetic:
 * a float would round 0.1 ETH + 1 wei to 0.1, and the user must see what is signed.
 */
export const ETH_DECIMALS = 18;
export const GWEI_DECIMALS = 9;

const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** A uint as a decimal string or a safe integer; undefined for anything else. */
export function toBigInt(value: unknown): bigint | undefined {
  if (typeof value === 'string' && DECIMAL.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return undefined;
}

/** `1500000000000000000n, 18` → `"1.5"`; every digit kept, trailing zeros dropped. */
export function formatUnits(value: bigint, decimals: number): string {
  const base = 10n ** BigInt(decimals);
  const whole = value / base;
  const fraction = (value % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}
