/**
 * What the modal shows for an action-bound prompt, read from the very payload whose digest
 * the approval binds. Recognised by the shape of the guarded body, as the reference wallet
 * routes take it: `{ message }`, `{ transaction }`, `{ typedData }`, `{ authorization }`; and
 * an empty body for a reshare or a claim. Any other payload is shown field by field, never
 * hidden: an approval is never for something the user was not shown.
 */
import { MFAAction } from '../../protocol/index.js';
import { isAddress } from './checksum-address.js';
import { toBigInt } from './format-units.js';

export type SummaryValue =
  { kind: 'address'; address: string } | { kind: 'text'; text: string } | { kind: 'struct'; fields: SummaryField[] } | { kind: 'list'; items: SummaryValue[] };

export interface SummaryField {
  name: string;
  /** The EIP-712 type, when known. */
  type?: string;
  value: SummaryValue;
}

export interface TransactionSummary {
  kind: 'transaction';
  to: string;
  value: bigint;
  chainId: number;
  /** The first 4 bytes of the calldata (the ABI function selector), when there is calldata. */
  selector?: string;
  dataBytes: number;
  /** gas × maxFeePerGas: the most the user can pay in fees. */
  maxFee?: bigint;
  maxFeePerGas?: bigint;
}

export type ActionSummaryModel =
  | { kind: 'message'; message: string }
  | TransactionSummary
  | { kind: 'typed-data'; domainName?: string; chainId?: number; verifyingContract?: string; primaryType: string; fields: SummaryField[] }
  | { kind: 'authorization'; contractAddress: string; chainId: number; nonce: number }
  | { kind: 'reshare' }
  | { kind: 'claim' }
  | { kind: 'fields'; fields: SummaryField[] };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isChainId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const HEX_BYTES = /^0x(?:[0-9a-fA-F]{2})*$/;

/**
 * The fields each view accounts for. A payload with any other field (an access list, an
 * EIP-7702 authorization list inside a transaction…) is shown field by field instead, so a
 * field the view would leave out can never ride along unseen.
 */
const TRANSACTION_FIELDS = new Set(['chainId', 'to', 'value', 'nonce', 'gas', 'maxFeePerGas', 'maxPriorityFeePerGas', 'data']);
const AUTHORIZATION_FIELDS = new Set(['chainId', 'contractAddress', 'nonce']);
const TYPED_DATA_FIELDS = new Set(['domain', 'types', 'primaryType', 'message']);
const only = (value: Json, known: Set<string>) => Object.keys(value).every((key) => known.has(key));

export function describeAction(mfaAction: MFAAction, payload: unknown): ActionSummaryModel | undefined {
  if (isObject(payload)) {
    const keys = Object.keys(payload);
    if (keys.length === 0) {
      if (mfaAction === MFAAction.WalletWaasReshare) return { kind: 'reshare' };
      if (mfaAction === MFAAction.WalletWaasRefresh) return { kind: 'claim' };
      return undefined;
    }
    if (keys.length === 1) {
      const found =
        (typeof payload.message === 'string' ? { kind: 'message' as const, message: payload.message } : undefined) ??
        describeTransaction(payload.transaction) ??
        describeTypedData(payload.typedData) ??
        describeAuthorization(payload.authorization);
      if (found) return found;
    }
  }
  return { kind: 'fields', fields: isObject(payload) ? objectFields(payload) : [{ name: '', value: genericValue(payload) }] };
}

function describeTransaction(tx: unknown): TransactionSummary | undefined {
  if (!isObject(tx) || !only(tx, TRANSACTION_FIELDS) || !isAddress(tx.to) || !isChainId(tx.chainId) || tx.chainId === 0) return undefined;
  const value = toBigInt(tx.value ?? '0');
  if (value === undefined) return undefined;
  if (tx.data !== undefined && (typeof tx.data !== 'string' || !HEX_BYTES.test(tx.data))) return undefined;
  const data = (tx.data as string | undefined) ?? '0x';
  const gas = toBigInt(tx.gas);
  const maxFeePerGas = toBigInt(tx.maxFeePerGas);
  return {
    kind: 'transaction',
    to: tx.to,
    value,
    chainId: tx.chainId,
    dataBytes: (data.length - 2) / 2,
    ...(data.length >= 10 ? { selector: data.slice(0, 10).toLowerCase() } : {}),
    ...(maxFeePerGas !== undefined ? { maxFeePerGas } : {}),
    ...(gas !== undefined && maxFeePerGas !== undefined ? { maxFee: gas * maxFeePerGas } : {}),
  };
}

function describeAuthorization(auth: unknown): ActionSummaryModel | undefined {
  if (!isObject(auth) || !only(auth, AUTHORIZATION_FIELDS) || !isAddress(auth.contractAddress) || !isChainId(auth.chainId) || !isChainId(auth.nonce))
    return undefined;
  return { kind: 'authorization', contractAddress: auth.contractAddress, chainId: auth.chainId, nonce: auth.nonce };
}

type Types = Record<string, Array<{ name: string; type: string }>>;

function describeTypedData(typedData: unknown): ActionSummaryModel | undefined {
  if (!isObject(typedData) || !only(typedData, TYPED_DATA_FIELDS) || !isObject(typedData.types) || !isObject(typedData.message)) return undefined;
  const { primaryType } = typedData;
  const types = typedData.types as Types;
  if (typeof primaryType !== 'string' || !Array.isArray(types[primaryType])) return undefined;
  const domain = isObject(typedData.domain) ? typedData.domain : {};
  return {
    kind: 'typed-data',
    ...(typeof domain.name === 'string' ? { domainName: domain.name } : {}),
    ...(isChainId(domain.chainId) ? { chainId: domain.chainId } : {}),
    ...(isAddress(domain.verifyingContract) ? { verifyingContract: domain.verifyingContract } : {}),
    primaryType,
    fields: structFields(types, primaryType, typedData.message, 0),
  };
}

/** JSON nesting is capped by the server (32 levels); this cap only stops a self-referencing type. */
const MAX_DEPTH = 32;

function structFields(types: Types, typeName: string, value: unknown, depth: number): SummaryField[] {
  const struct = isObject(value) ? value : {};
  return (types[typeName] ?? []).map((field) => ({
    name: field.name,
    type: field.type,
    value: typedValue(types, field.type, struct[field.name], depth + 1),
  }));
}

function typedValue(types: Types, type: string, value: unknown, depth: number): SummaryValue {
  if (depth > MAX_DEPTH) return { kind: 'text', text: '…' };
  const array = /^(.*)\[\d*\]$/.exec(type);
  if (array && Array.isArray(value)) return { kind: 'list', items: value.map((item) => typedValue(types, array[1]!, item, depth + 1)) };
  if (types[type] && isObject(value)) return { kind: 'struct', fields: structFields(types, type, value, depth) };
  return genericValue(value);
}

function objectFields(value: Json): SummaryField[] {
  return Object.entries(value).map(([name, item]) => ({ name, value: genericValue(item) }));
}

function genericValue(value: unknown): SummaryValue {
  if (isAddress(value)) return { kind: 'address', address: value };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (Array.isArray(value)) return { kind: 'list', items: value.map(genericValue) };
  if (isObject(value)) return { kind: 'struct', fields: objectFields(value) };
  return { kind: 'text', text: value === undefined ? '—' : JSON.stringify(value) };
}
