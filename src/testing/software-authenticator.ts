import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { encodeCbor, type CborValue } from './cbor.js';

/** W3C WebAuthn L3 §6.1 authenticator data flags. */
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;
/** COSE (RFC 9053): kty EC2 = 2, alg ES256 = -7, crv P-256 = 1. */
const COSE_ES256 = -7;

export interface SoftwareAuthenticatorOptions {
  /** The RP ID the authenticator hashes into authenticator data. */
  rpId: string;
  /** The origin the "browser" reports in client data, e.g. `http://localhost:8787`. */
  origin: string;
}

/** Per-ceremony overrides, to simulate a wrong page, a wrong RP or a user not verified. */
export interface CeremonyOverrides {
  /** @default true */
  userVerified?: boolean;
  /** @default the authenticator's origin */
  origin?: string;
  /** @default the authenticator's rpId */
  rpId?: string;
  /** Force the signature counter (e.g. to replay an old one). @default previous + 1 */
  signCount?: number;
  /** Sign this challenge instead of the options' one. */
  challenge?: string;
  /** Client data's `crossOrigin`, as a ceremony in a cross-origin iframe reports it. @default false */
  crossOrigin?: boolean;
  /** Client data's `topOrigin` (WebAuthn L3), the page embedding that iframe. @default absent */
  topOrigin?: string;
  /** Register under this credential id (base64url), e.g. one another account holds. @default 32 random bytes */
  credentialId?: string;
}

interface StoredCredential {
  id: string;
  privateKey: KeyObject;
  signCount: number;
  userHandle: string | undefined;
}

export interface SoftwareAuthenticator {
  /** Answers `navigator.credentials.create()` for these options: attestation `none`, ES256, UP|UV|AT. */
  createCredential(options: PublicKeyCredentialCreationOptionsJSON | Record<string, unknown>, overrides?: CeremonyOverrides): RegistrationResponseJSON;
  /** Answers `navigator.credentials.get()`: signs with the first allowed credential it holds; the counter goes up by one. */
  getAssertion(options: PublicKeyCredentialRequestOptionsJSON | Record<string, unknown>, overrides?: CeremonyOverrides): AuthenticationResponseJSON;
  /** Ids of the credentials it holds (base64url). */
  readonly credentialIds: string[];
}

const b64url = (bytes: Uint8Array | Buffer): string => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string): Buffer => createHash('sha256').update(data).digest();

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value >>> 0);
  return buffer;
}

function clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string, overrides: CeremonyOverrides): Buffer {
  const top = overrides.topOrigin === undefined ? {} : { topOrigin: overrides.topOrigin };
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: overrides.crossOrigin ?? false, ...top }));
}

/**
 * A software passkey authenticator (node:crypto, no browser) for tests here and in apps:
 * its responses are real WebAuthn responses, verified by @simplewebauthn/server exactly as a
 * browser's would be.
 */
export function createSoftwareAuthenticator(config: SoftwareAuthenticatorOptions): SoftwareAuthenticator {
  const credentials = new Map<string, StoredCredential>();
  const flags = (uv: boolean, at: boolean) => FLAG_UP | (uv ? FLAG_UV : 0) | (at ? FLAG_AT : 0);

  return {
    get credentialIds() {
      return [...credentials.keys()];
    },

    createCredential(options, overrides = {}) {
      const opts = options as PublicKeyCredentialCreationOptionsJSON;
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const jwk = publicKey.export({ format: 'jwk' });
      const credentialId = overrides.credentialId === undefined ? randomBytes(32) : Buffer.from(overrides.credentialId, 'base64url');
      const id = b64url(credentialId);
      const coseKey = encodeCbor(
        new Map<number, number | Uint8Array>([
          [1, 2],
          [3, COSE_ES256],
          [-1, 1],
          [-2, Buffer.from(jwk.x!, 'base64url')],
          [-3, Buffer.from(jwk.y!, 'base64url')],
        ]),
      );
      const credIdLength = Buffer.alloc(2);
      credIdLength.writeUInt16BE(credentialId.length);
      const authData = Buffer.concat([
        sha256(overrides.rpId ?? config.rpId),
        Buffer.from([flags(overrides.userVerified ?? true, true)]),
        uint32(overrides.signCount ?? 0),
        Buffer.alloc(16), // AAGUID: all zeros for a `none` attestation
        credIdLength,
        credentialId,
        coseKey,
      ]);
      const attestationObject = encodeCbor(
        new Map<string, CborValue>([
          ['fmt', 'none'],
          ['attStmt', new Map<string, CborValue>()],
          ['authData', authData],
        ]),
      );
      credentials.set(id, { id, privateKey, signCount: overrides.signCount ?? 0, userHandle: opts.user?.id });
      return {
        id,
        rawId: id,
        type: 'public-key',
        response: {
          clientDataJSON: b64url(clientData('webauthn.create', overrides.challenge ?? opts.challenge, overrides.origin ?? config.origin, overrides)),
          attestationObject: b64url(attestationObject),
          transports: ['internal'],
          publicKeyAlgorithm: COSE_ES256,
          authenticatorData: b64url(authData),
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      };
    },

    getAssertion(options, overrides = {}) {
      const opts = options as PublicKeyCredentialRequestOptionsJSON;
      const allowed = opts.allowCredentials?.map((c) => c.id) ?? [...credentials.keys()];
      const credential = allowed.map((id) => credentials.get(id)).find(Boolean);
      if (!credential) throw new Error('software authenticator: no allowed credential is held here');
      credential.signCount = overrides.signCount ?? credential.signCount + 1;
      const authData = Buffer.concat([
        sha256(overrides.rpId ?? config.rpId),
        Buffer.from([flags(overrides.userVerified ?? true, false)]),
        uint32(credential.signCount),
      ]);
      const clientDataJSON = clientData('webauthn.get', overrides.challenge ?? opts.challenge, overrides.origin ?? config.origin, overrides);
      // W3C WebAuthn §6.3.3: sign authenticatorData ‖ SHA-256(clientDataJSON); ES256 is DER-encoded ECDSA.
      const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), credential.privateKey);
      return {
        id: credential.id,
        rawId: credential.id,
        type: 'public-key',
        response: {
          clientDataJSON: b64url(clientDataJSON),
          authenticatorData: b64url(authData),
          signature: b64url(signature),
          ...(credential.userHandle ? { userHandle: credential.userHandle } : {}),
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      };
    },
  };
}
