/**
 * A new passkey's name, from the AAGUID its authenticator reports at registration: "iCloud
 * Keychain" reads better in settings than "Passkey" twice. The table holds the common
 * providers only, taken from the community list of passkey authenticator AAGUIDs
 * (github.com/passkeydeveloper/passkey-authenticator-aaguids, combined.json); an unknown or
 * all-zero AAGUID (attestation "none" may zero it) gives `undefined`, and the caller's
 * fallback ("Passkey") applies. The user can rename it later.
 */
const PROVIDER_BY_AAGUID: Readonly<Record<string, string>> = {
  'fbfc3007-154e-4ecc-8c0b-6e020557d7bd': 'iCloud Keychain',
  'dd4ec289-e01d-41c9-bb89-70fa845d4bf2': 'iCloud Keychain',
  'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4': 'Google Password Manager',
  'adce0002-35bc-c60a-648b-0b25f1f05503': 'Chrome on Mac',
  '771b48fd-d3d4-4f74-9232-fc157ab0507a': 'Edge on Mac',
  '08987058-cadc-4b81-b6e1-30de50dcbe96': 'Windows Hello',
  '9ddd1817-af5a-4672-a2b9-3e3dd95000a9': 'Windows Hello',
  '6028b017-b1d4-4c02-b4b3-afcdafc96bb2': 'Windows Hello',
  '53414d53-554e-4700-0000-000000000000': 'Samsung Pass',
  'bada5566-a7aa-401f-bd96-45619a55120d': '1Password',
  'd548826e-79b4-db40-a3d8-11116f7e8349': 'Bitwarden',
  '531126d6-e717-415c-9320-3d9aa6981239': 'Dashlane',
  'b84e4048-15dc-4dd0-8640-f4f60813c8af': 'NordPass',
  '0ea242b4-43c4-4a1b-8b17-dd6d0b6baec6': 'Keeper',
  'fdb141b2-5d84-443e-8a35-4698c205a502': 'KeePassXC',
  '50726f74-6f6e-5061-7373-50726f746f6e': 'Proton Pass',
};

/** WebAuthn Level 3 §6.1: rpIdHash (32) · flags (1) · signCount (4) · then, with AT, the AAGUID (16). */
const AAGUID_OFFSET = 37;
const AAGUID_LENGTH = 16;
const FLAG_ATTESTED_CREDENTIAL_DATA = 0x40;

/** The AAGUID as a lowercase UUID string, from base64url authenticator data; undefined when absent. */
export function aaguidOf(authenticatorData: string | undefined): string | undefined {
  if (!authenticatorData) return undefined;
  let bytes: Uint8Array;
  try {
    const binary = atob(
      authenticatorData
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(authenticatorData.length / 4) * 4, '='),
    );
    bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
  if (bytes.length < AAGUID_OFFSET + AAGUID_LENGTH || !(bytes[32]! & FLAG_ATTESTED_CREDENTIAL_DATA)) return undefined;
  const hex = [...bytes.subarray(AAGUID_OFFSET, AAGUID_OFFSET + AAGUID_LENGTH)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The provider's name for a registration response, when its AAGUID is a known one. */
export function passkeyNameFor(response: { response?: { authenticatorData?: string } }): string | undefined {
  const aaguid = aaguidOf(response.response?.authenticatorData);
  return aaguid ? PROVIDER_BY_AAGUID[aaguid] : undefined;
}
