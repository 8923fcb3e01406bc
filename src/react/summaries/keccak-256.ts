/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding 0x01, not SHA3-256's 0x06),
 * for EIP-55 address checksums only: the kit hashes a 40-character string now and then, so
 * 64-bit BigInt lanes keep the code short rather than fast. Permutation per FIPS 202 §3.2
 * (θ, ρ, π, χ, ι), round constants and rotations generated as §3.2.5 and §3.2.2 define them.
 */
const MASK_64 = (1n << 64n) - 1n;
const RATE_BYTES = 136; // 1600 − 2·256 bits of capacity

const rotl = (lane: bigint, by: number) => (by === 0 ? lane : ((lane << BigInt(by)) | (lane >> BigInt(64 - by))) & MASK_64);

const ROTATIONS: number[] = [];
const PI_TARGETS: number[] = [];
const ROUND_CONSTANTS: bigint[] = [];
for (let round = 0, r = 1, x = 1, y = 0; round < 24; round++) {
  [x, y] = [y, (2 * x + 3 * y) % 5];
  PI_TARGETS.push(x + 5 * y);
  ROTATIONS.push((((round + 1) * (round + 2)) / 2) % 64);
  let constant = 0n;
  for (let j = 0; j < 7; j++) {
    // rc(t): the LFSR x^8 + x^6 + x^5 + x^4 + 1 (FIPS 202 Algorithm 5).
    r = ((r << 1) ^ ((r >> 7) * 0x71)) % 256;
    if (r & 2) constant ^= 1n << BigInt((1 << j) - 1);
  }
  ROUND_CONSTANTS.push(constant);
}

function permute(state: bigint[]): void {
  const column = new Array<bigint>(5);
  for (const constant of ROUND_CONSTANTS) {
    for (let x = 0; x < 5; x++) column[x] = state[x]! ^ state[x + 5]! ^ state[x + 10]! ^ state[x + 15]! ^ state[x + 20]!;
    for (let x = 0; x < 5; x++) {
      const d = column[(x + 4) % 5]! ^ rotl(column[(x + 1) % 5]!, 1);
      for (let y = 0; y < 25; y += 5) state[x + y]! ^= d;
    }
    let carried = state[1]!;
    for (let t = 0; t < 24; t++) {
      const target = PI_TARGETS[t]!;
      const next = state[target]!;
      state[target] = rotl(carried, ROTATIONS[t]!);
      carried = next;
    }
    for (let y = 0; y < 25; y += 5) {
      const row = state.slice(y, y + 5);
      for (let x = 0; x < 5; x++) state[y + x] = row[x]! ^ (~row[(x + 1) % 5]! & MASK_64 & row[(x + 2) % 5]!);
    }
    state[0]! ^= constant;
  }
}

/** The 32-byte Keccak-256 digest of `bytes`. */
export function keccak256(bytes: Uint8Array): Uint8Array {
  const padded = new Uint8Array(Math.floor(bytes.length / RATE_BYTES + 1) * RATE_BYTES);
  padded.set(bytes);
  padded[bytes.length]! ^= 0x01;
  padded[padded.length - 1]! ^= 0x80;
  const state = new Array<bigint>(25).fill(0n);
  for (let block = 0; block < padded.length; block += RATE_BYTES) {
    for (let lane = 0; lane < RATE_BYTES / 8; lane++) {
      let value = 0n;
      for (let b = 7; b >= 0; b--) value = (value << 8n) | BigInt(padded[block + lane * 8 + b]!);
      state[lane]! ^= value;
    }
    permute(state);
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((state[i >> 3]! >> BigInt(8 * (i & 7))) & 0xffn);
  return out;
}
