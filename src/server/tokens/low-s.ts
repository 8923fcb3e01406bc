/**
 * ECDSA signatures are malleable: (r, s) and (r, n − s) both verify. Accepting only the low
 * half (s ≤ n/2, as Bitcoin's BIP 62 and Ethereum's EIP-2 do) gives each token exactly one
 * valid encoding, so a copy with a flipped S is not a "different" token. JWS ES256 signatures
 * are r ‖ s, 32 bytes each (RFC 7518 §3.4).
 */
const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const HALF_ORDER = P256_ORDER >> 1n;
const PART_BYTES = 32;

function toBigInt(bytes: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
}

function signatureOf(jws: string): Buffer | undefined {
  const parts = jws.split('.');
  if (parts.length !== 3) return undefined;
  const signature = Buffer.from(parts[2]!, 'base64url');
  return signature.length === 2 * PART_BYTES ? signature : undefined;
}

/** True when the compact JWS carries a 64-byte signature whose S is in the low half. */
export function hasLowS(jws: string): boolean {
  const signature = signatureOf(jws);
  return signature !== undefined && toBigInt(signature.subarray(PART_BYTES)) <= HALF_ORDER;
}

/**
 * A raw IEEE P1363 signature (r ‖ s) with S in the low half: `n − s` when it is high, the
 * signature itself otherwise (node:crypto, like WebCrypto, gives either half).
 */
export function lowSSignature(signature: Buffer): Buffer {
  if (signature.length !== 2 * PART_BYTES) return signature;
  const s = toBigInt(signature.subarray(PART_BYTES));
  if (s <= HALF_ORDER) return signature;
  const low = Buffer.from((P256_ORDER - s).toString(16).padStart(2 * PART_BYTES, '0'), 'hex');
  return Buffer.concat([signature.subarray(0, PART_BYTES), low]);
}

/** Our own signatures, normalised to low S (WebCrypto gives either half). */
export function normalizeLowS(jws: string): string {
  const signature = signatureOf(jws);
  if (!signature) return jws;
  const s = toBigInt(signature.subarray(PART_BYTES));
  if (s <= HALF_ORDER) return jws;
  const low = Buffer.from((P256_ORDER - s).toString(16).padStart(2 * PART_BYTES, '0'), 'hex');
  const [header, payload] = jws.split('.');
  return `${header}.${payload}.${Buffer.concat([signature.subarray(0, PART_BYTES), low]).toString('base64url')}`;
}
