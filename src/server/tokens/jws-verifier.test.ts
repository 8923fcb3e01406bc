// Threat: the guard's own verifier (node:crypto) accepting a token that jose, which resource
// servers use, would refuse — or the other way round, so a token works in one place only. Each
// case below is signed or forged once and judged by both; the verdicts must agree.
import { SignJWT, UnsecuredJWT, generateKeyPair, jwtVerify, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasLowS, normalizeLowS } from './low-s.js';
import { ELEVATED_TOKEN_TYP, generateSigningJwk, importSigningKeys, type SigningKeys } from './signing-keys.js';

const ISSUER = 'https://wallet.example';
const AUDIENCE = 'https://wallet.example';
const NOW_S = 1_800_000_000;
const REQUIRED = ['sub', 'sid', 'scope', 'exp', 'iat', 'jti'];

let keys: SigningKeys;
let other: CryptoKey;
beforeAll(async () => {
  keys = await importSigningKeys(await generateSigningJwk());
  ({ privateKey: other } = await generateKeyPair('ES256'));
});

const claims = (extra: Record<string, unknown> = {}): JWTPayload => ({
  iss: ISSUER,
  aud: AUDIENCE,
  sub: 'user-1',
  sid: 'session-1',
  scope: 'wallet:export',
  iat: NOW_S - 10,
  exp: NOW_S + 300,
  jti: 'jti-1',
  single_use: false,
  ...extra,
});

async function signed(payload: JWTPayload, header: Record<string, unknown> = {}, key: CryptoKey = keys.privateKey) {
  return normalizeLowS(await new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: keys.kid, typ: ELEVATED_TOKEN_TYP, ...header } as never).sign(key));
}

const without = (claim: string) => {
  const payload = claims();
  delete payload[claim];
  return payload;
};

function flipS(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const bytes = Buffer.from(signature, 'base64url');
  const order = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
  const s = BigInt(`0x${bytes.subarray(32).toString('hex')}`);
  const high = Buffer.from((order - s).toString(16).padStart(64, '0'), 'hex');
  return `${header}.${payload}.${Buffer.concat([bytes.subarray(0, 32), high]).toString('base64url')}`;
}

/** What `verifyElevatedJwt` asks of jose, plus its own two checks (a `kid`, a low S). */
async function byJose(token: string): Promise<boolean> {
  if (!hasLowS(token)) return false;
  try {
    const { protectedHeader } = await jwtVerify(token, keys.keySet, {
      algorithms: ['ES256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: new Date(NOW_S * 1000),
      requiredClaims: REQUIRED,
      typ: ELEVATED_TOKEN_TYP,
    });
    return typeof protectedHeader.kid === 'string';
  } catch {
    return false;
  }
}

function byOwnVerifier(token: string): boolean {
  try {
    keys.verifyOwn(token, { issuer: ISSUER, audience: AUDIENCE, typ: ELEVATED_TOKEN_TYP, requiredClaims: REQUIRED, currentDate: new Date(NOW_S * 1000) });
    return true;
  } catch {
    return false;
  }
}

const cases: [name: string, token: () => Promise<string> | string, accepted: boolean][] = [
  ['a valid token', () => signed(claims()), true],
  ['typ "application/JWT" (RFC 7515 §4.1.9 says the same type)', () => signed(claims(), { typ: 'application/JWT' }), true],
  ['an audience list that names us', () => signed(claims({ aud: ['https://other.example', AUDIENCE] })), true],
  [
    'edited payload under the old signature',
    async () => {
      const [header, , signature] = (await signed(claims())).split('.');
      return `${header}.${Buffer.from(JSON.stringify(claims({ scope: 'wallet:export wallet:sign' }))).toString('base64url')}.${signature}`;
    },
    false,
  ],
  ['alg none', () => new UnsecuredJWT(claims()).encode(), false],
  [
    'HS256 signed with the public JWK as the secret',
    async () =>
      new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: keys.kid, typ: 'JWT' }).sign(new TextEncoder().encode(JSON.stringify(keys.publicJwk))),
    false,
  ],
  ['another ES256 key under our kid', () => signed(claims(), {}, other), false],
  ['a kid we do not have', () => signed(claims(), { kid: 'not-ours' }), false],
  ['no kid', () => signed(claims(), { kid: undefined }), false],
  ['high S', async () => flipS(await signed(claims())), false],
  ['expired exactly now', () => signed(claims({ exp: NOW_S })), false],
  ['exp as a string', () => signed(claims({ exp: String(NOW_S + 300) })), false],
  ['not yet valid (nbf)', () => signed(claims({ nbf: NOW_S + 60 })), false],
  ['nbf now', () => signed(claims({ nbf: NOW_S })), true],
  ['iat as a string', () => signed(claims({ iat: 'yesterday' })), false],
  ['another issuer', () => signed(claims({ iss: 'https://evil.example' })), false],
  ['another audience', () => signed(claims({ aud: 'https://evil.example' })), false],
  ['an audience list without us', () => signed(claims({ aud: ['https://evil.example'] })), false],
  ...REQUIRED.map((claim): [string, () => Promise<string>, boolean] => [`no ${claim}`, () => signed(without(claim)), false]),
  ['typ "at+jwt"', () => signed(claims(), { typ: 'at+jwt' }), false],
  ['no typ', () => signed(claims(), { typ: undefined }), false],
  ['an unknown critical header', () => signed(claims(), { crit: ['exp'], exp: 1 }).catch(() => 'x.y.z'), false],
  ['garbage', () => 'not.a.token', false],
  ['a fourth segment', async () => `${await signed(claims())}.x`, false],
];

describe('the guard verifier and jose give the same verdict', () => {
  it.each(cases)('%s', async (_name, make, accepted) => {
    const token = await make();
    expect(await byJose(token)).toBe(accepted);
    expect(byOwnVerifier(token)).toBe(accepted);
  });
});

describe('a token verified before', () => {
  const check = (nowS: number, audience = AUDIENCE) => ({
    issuer: ISSUER,
    audience,
    typ: ELEVATED_TOKEN_TYP,
    requiredClaims: REQUIRED,
    currentDate: new Date(nowS * 1000),
  });

  it('has its claims checked again on every call: refused once it expires, or for another audience', async () => {
    const token = await signed(claims({ exp: NOW_S + 60 }));
    expect(keys.verifyOwn(token, check(NOW_S)).payload.jti).toBe('jti-1');
    expect(() => keys.verifyOwn(token, check(NOW_S + 60))).toThrow();
    expect(() => keys.verifyOwn(token, check(NOW_S, 'https://other.example'))).toThrow();
    expect(keys.verifyOwn(token, check(NOW_S + 59)).payload.exp).toBe(NOW_S + 60);
  });

  it('lends no trust to a copy with other bytes: an edited payload or a flipped S is refused', async () => {
    const token = await signed(claims());
    keys.verifyOwn(token, check(NOW_S));
    const [header, , signature] = token.split('.');
    const widened = `${header}.${Buffer.from(JSON.stringify(claims({ scope: 'wallet:export wallet:sign' }))).toString('base64url')}.${signature}`;
    expect(() => keys.verifyOwn(widened, check(NOW_S))).toThrow();
    expect(() => keys.verifyOwn(flipS(token), check(NOW_S))).toThrow();
  });

  it('hands out claims that cannot be edited in place', async () => {
    const token = await signed(claims());
    keys.verifyOwn(token, check(NOW_S));
    const { payload } = keys.verifyOwn(token, check(NOW_S));
    expect(Object.isFrozen(payload)).toBe(true);
  });

  it('is remembered only when it is multi-use: a single-use token is spent at its first use', async () => {
    const token = await signed(claims({ single_use: true }));
    keys.verifyOwn(token, check(NOW_S));
    const { payload } = keys.verifyOwn(token, check(NOW_S));
    expect(Object.isFrozen(payload)).toBe(false);
  });
});
