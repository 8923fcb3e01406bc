/**
 * Strict readers for the signing routes' bodies. They run before the guard, so a malformed
 * request is a 400 that never spends an approval, and what reaches viem is exactly what the
 * approval's digest covers: no unknown key, no value the modal could not have shown.
 */
import { hashTypedData, isAddress } from 'viem';
import type { WalletAuthorization, WalletTransaction, WalletTypedData } from '../../shared/wallet-wire.js';

export class InputProblem extends Error {}

const MAX_UINT256 = (1n << 256n) - 1n;
const DECIMAL = /^(0|[1-9][0-9]{0,77})$/;
/** Calldata bound: keeps a request well under the server's 16 KB body limit. */
const MAX_DATA_HEX_LENGTH = 12_000;
const HEX_BYTES = /^0x(?:[0-9a-fA-F]{2})*$/;
const BYTES32 = /^0x[0-9a-fA-F]{64}$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

type Json = Record<string, unknown>;

function object(value: unknown, path: string, keys: { required: string[]; optional?: string[] }): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputProblem(`\`${path}\` must be an object.`);
  const allowed = new Set([...keys.required, ...(keys.optional ?? [])]);
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) throw new InputProblem(`\`${path}.${key}\` is not a known field.`);
  }
  for (const key of keys.required) {
    if ((value as Json)[key] === undefined) throw new InputProblem(`\`${path}.${key}\` is required.`);
  }
  return value as Json;
}

function uint256(value: unknown, path: string): string {
  if (typeof value !== 'string' || !DECIMAL.test(value) || BigInt(value) > MAX_UINT256) {
    throw new InputProblem(`\`${path}\` must be a decimal string (a uint256).`);
  }
  return value;
}

function safeInteger(value: unknown, path: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new InputProblem(`\`${path}\` must be an integer ≥ ${min}.`);
  }
  return value;
}

/** A 20-byte address; a mixed-case one must carry a valid EIP-55 checksum. */
function address(value: unknown, path: string): `0x${string}` {
  if (typeof value !== 'string' || !isAddress(value, { strict: true })) throw new InputProblem(`\`${path}\` must be an address.`);
  return value;
}

export function readTransaction(body: Json): WalletTransaction {
  object(body, 'body', { required: ['transaction'] });
  const tx = object(body.transaction, 'transaction', {
    required: ['chainId', 'to', 'value', 'nonce', 'gas', 'maxFeePerGas', 'maxPriorityFeePerGas'],
    optional: ['data'],
  });
  const result: WalletTransaction = {
    chainId: safeInteger(tx.chainId, 'transaction.chainId', 1),
    to: address(tx.to, 'transaction.to'),
    value: uint256(tx.value, 'transaction.value'),
    nonce: safeInteger(tx.nonce, 'transaction.nonce', 0),
    gas: uint256(tx.gas, 'transaction.gas'),
    maxFeePerGas: uint256(tx.maxFeePerGas, 'transaction.maxFeePerGas'),
    maxPriorityFeePerGas: uint256(tx.maxPriorityFeePerGas, 'transaction.maxPriorityFeePerGas'),
  };
  if (tx.data !== undefined) {
    if (typeof tx.data !== 'string' || !HEX_BYTES.test(tx.data) || tx.data.length > MAX_DATA_HEX_LENGTH) {
      throw new InputProblem('`transaction.data` must be 0x-prefixed hex bytes.');
    }
    result.data = tx.data as `0x${string}`;
  }
  if (BigInt(result.gas) === 0n) throw new InputProblem('`transaction.gas` must be positive.');
  // EIP-1559: the priority fee is part of the fee cap, never above it.
  if (BigInt(result.maxPriorityFeePerGas) > BigInt(result.maxFeePerGas)) {
    throw new InputProblem('`transaction.maxPriorityFeePerGas` must not exceed `maxFeePerGas`.');
  }
  return result;
}

export function readAuthorization(body: Json): WalletAuthorization {
  object(body, 'body', { required: ['authorization'] });
  const auth = object(body.authorization, 'authorization', { required: ['chainId', 'contractAddress', 'nonce'] });
  return {
    // EIP-7702: chain id 0 is valid and means "any chain"; the modal warns about it.
    chainId: safeInteger(auth.chainId, 'authorization.chainId', 0),
    contractAddress: address(auth.contractAddress, 'authorization.contractAddress'),
    nonce: safeInteger(auth.nonce, 'authorization.nonce', 0),
  };
}

const DOMAIN_FIELDS = ['name', 'version', 'chainId', 'verifyingContract', 'salt'];

export function readTypedData(body: Json): WalletTypedData {
  object(body, 'body', { required: ['typedData'] });
  const typedData = object(body.typedData, 'typedData', { required: ['domain', 'types', 'primaryType', 'message'] });
  const domain = object(typedData.domain, 'typedData.domain', { required: [], optional: DOMAIN_FIELDS });
  for (const key of ['name', 'version'] as const) {
    if (domain[key] !== undefined && typeof domain[key] !== 'string') throw new InputProblem(`\`typedData.domain.${key}\` must be a string.`);
  }
  if (domain.chainId !== undefined) safeInteger(domain.chainId, 'typedData.domain.chainId', 0);
  if (domain.verifyingContract !== undefined) address(domain.verifyingContract, 'typedData.domain.verifyingContract');
  if (domain.salt !== undefined && (typeof domain.salt !== 'string' || !BYTES32.test(domain.salt))) {
    throw new InputProblem('`typedData.domain.salt` must be 32 bytes of hex.');
  }
  const types = readTypes(typedData.types);
  const { primaryType } = typedData;
  if (typeof primaryType !== 'string' || primaryType === 'EIP712Domain' || !types[primaryType]) {
    throw new InputProblem('`typedData.primaryType` must name a struct in `types`.');
  }
  checkStruct(types, primaryType, typedData.message, 'typedData.message');
  const result = typedData as unknown as WalletTypedData;
  try {
    // viem's own encoding checks: integer ranges, address and bytes lengths.
    hashTypedData(result as Parameters<typeof hashTypedData>[0]);
  } catch {
    throw new InputProblem('`typedData` does not encode under EIP-712.');
  }
  return result;
}

function readTypes(value: unknown): WalletTypedData['types'] {
  const types = object(value, 'typedData.types', { required: [], optional: Object.keys((value as Json | null) ?? {}) });
  for (const [name, fields] of Object.entries(types)) {
    if (!IDENTIFIER.test(name)) throw new InputProblem(`\`typedData.types\`: "${name}" is not a type name.`);
    if (!Array.isArray(fields)) throw new InputProblem(`\`typedData.types.${name}\` must be an array of fields.`);
    const seen = new Set<string>();
    for (const field of fields) {
      const { name: fieldName, type } = object(field, `typedData.types.${name}[]`, { required: ['name', 'type'] });
      if (typeof fieldName !== 'string' || !IDENTIFIER.test(fieldName) || seen.has(fieldName) || typeof type !== 'string') {
        throw new InputProblem(`\`typedData.types.${name}\` has a bad or repeated field.`);
      }
      seen.add(fieldName);
    }
  }
  return types as WalletTypedData['types'];
}

/** The message must have exactly the fields its type declares, recursively: what is shown is what is hashed. */
function checkStruct(types: WalletTypedData['types'], typeName: string, value: unknown, path: string): void {
  const fields = types[typeName]!;
  const struct = object(value, path, { required: fields.map((field) => field.name) });
  for (const field of fields) checkValue(types, field.type, struct[field.name], `${path}.${field.name}`);
}

function checkValue(types: WalletTypedData['types'], type: string, value: unknown, path: string): void {
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) {
    if (!Array.isArray(value) || (array[2] !== '' && value.length !== Number(array[2]))) {
      throw new InputProblem(`\`${path}\` must be an array (${type}).`);
    }
    value.forEach((item, index) => checkValue(types, array[1]!, item, `${path}[${index}]`));
    return;
  }
  if (types[type]) return checkStruct(types, type, value, path);
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new InputProblem(`\`${path}\` must be a ${type}.`);
  }
  // A number past 2^53 has already lost digits in JSON.parse: what was shown is not what was sent.
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new InputProblem(`\`${path}\`: send large or fractional numbers as strings.`);
}
