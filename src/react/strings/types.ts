/**
 * Every string the kit shows or announces, in one shape, so an app can translate or
 * reword any of them through `<MfaProvider strings={...}>`. Templates take `{name}`
 * placeholders; counts use `MfaPlural`, picked with `Intl.PluralRules` for the locale.
 */
import type { SecurityEventType, TokenScope } from '../../protocol/index.js';

/** CLDR plural categories; `other` is the fallback for any category left out. */
export type MfaPlural = { other: string } & Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>>;

export interface MfaStrings {
  /** BCP 47 tag used for plural rules and dates. */
  locale: string;
  /**
   * What the prompt is for: the context line above the step's heading ("To export your private
   * key"), part of the dialog's accessible name.
   */
  title: {
    /** When nothing says what is protected (the legacy token flow). */
    default: string;
    /** By the first requested scope (or the action's scope). */
    scope: Record<TokenScope, string>;
    /** A refresh with an empty payload: claiming a wallet made before the first sign-in. */
    claim: string;
  };
  /**
   * The heading: what the step asks for. Steps not listed use a string of their own: `loading`,
   * `enroll.title`, `recoveryCodes.title` and `success`.
   */
  heading: {
    choosing: string;
    totp: string;
    passkey: string;
    recovery: string;
    error: string;
  };
  /** Shown under the title when `request.action.summary` exists. `{summary}` */
  approving: string;
  /** The summary of an action-bound prompt, rendered from the payload it binds. */
  summary: {
    /** Accessible name of the summary box. */
    label: string;
    message: string;
    /** `{code}` is a code point such as U+202E. */
    hiddenCharacter: string;
    hiddenCharactersWarning: string;
    to: string;
    amount: string;
    network: string;
    /** An unnamed chain. `{id}` */
    chainId: string;
    function: string;
    /** `{selector}` the 4-byte selector, `{bytes}` the calldata length. */
    calldata: string;
    maxFee: string;
    /** `{gwei}` the fee cap per gas. */
    maxFeePerGas: string;
    app: string;
    contract: string;
    type: string;
    delegateTo: string;
    allChains: string;
    allChainsWarning: string;
    nonce: string;
    showFullAddress: string;
    showShortAddress: string;
    reshare: string;
    claim: string;
  };
  close: string;
  loading: string;
  chooseMethod: {
    description: string;
    totp: string;
    totpHint: string;
    passkey: string;
    passkeyHint: string;
    lastUsed: string;
  };
  useAnotherMethod: string;
  lostAccess: string;
  tryAgain: string;
  totp: {
    description: string;
    inputLabel: string;
    verifying: string;
    invalid: string;
    attemptsLeft: MfaPlural;
    /** `{time}` is m:ss. */
    locked: string;
    /** 403 mfa_locked: codes refused until a passkey or an operator reset. */
    lockedUntilReset: string;
    unlocked: string;
    networkError: string;
    /** Enter pressed with fewer digits than the code has. */
    needAllDigits: string;
  };
  passkey: {
    description: string;
    waiting: string;
    verifying: string;
    cancelled: string;
    failed: string;
  };
  recovery: {
    description: string;
    inputLabel: string;
    submit: string;
    invalid: string;
  };
  success: string;
  successDetail: string;
  loadError: string;
  /** The error step when passkeys are the only way and this browser has no WebAuthn. */
  noUsableMethod: string;
  enroll: {
    title: string;
    description: string;
    totp: string;
    totpHint: string;
    passkey: string;
    passkeyHint: string;
    starting: string;
    scanQr: string;
    qrLabel: string;
    qrLoading: string;
    cantScan: string;
    secretLabel: string;
    copy: string;
    copied: string;
    enterFirstCode: string;
    passkeyWaiting: string;
    passkeyCancelled: string;
    failed: string;
    back: string;
    /** The step header: `{method} · {step} of {total}` */
    stepOf: string;
    /** The otpauth:// link offered first on touch devices. */
    openInApp: string;
    /** After the link, on touch devices: the QR code for another device. */
    orScan: string;
  };
  /** Asked inside the modal when Esc or × would throw away something shown once. */
  discard: {
    codesTitle: string;
    codesText: string;
    setupTitle: string;
    setupText: string;
    stay: string;
    leave: string;
  };
  recoveryCodes: {
    title: string;
    description: string;
    listLabel: string;
    download: string;
    print: string;
    fileName: string;
    acknowledge: string;
    continue: string;
  };
  /** Only `MfaSettings` reads these; English defaults ship with it (`settings/settings-strings.ts`). */
  settings?: MfaSettingsStrings;
}

export interface MfaSettingsStrings {
  title: string;
  totpDevices: string;
  passkeys: string;
  none: string;
  authenticatorApp: string;
  /** `{date}` */
  added: string;
  /** `{date}` */
  lastUsed: string;
  neverUsed: string;
  isDefault: string;
  setDefault: string;
  rename: string;
  renameLabel: string;
  save: string;
  cancel: string;
  remove: string;
  /** `{name}` */
  removeLabel: string;
  confirmRemoveTitle: string;
  confirmRemove: string;
  /** Removing the only factor: say plainly what the user loses. */
  confirmRemoveLast: string;
  /** Beside Remove on the only factor, which the server refuses to remove. */
  lastFactorNote: string;
  recentActivity: string;
  noActivity: string;
  /** One line per event type; `{name}` is the factor's name where known. */
  activity: Record<SecurityEventType, string>;
  /** `{date}` and, when the server saw them, `{client}` (address and browser). */
  activityMeta: string;
  activityError: string;
  addTotp: string;
  addPasskey: string;
  recoveryCodes: string;
  recoveryCodesLeft: MfaPlural;
  regenerate: string;
  /** Before replacing the codes: the old ones stop working. */
  regenerateWarning: string;
  regenerateConfirm: string;
  /** The last codes were never saved (the user left the step): new ones are needed. */
  codesNeeded: string;
  /** `{name}`: shown after a factor is added. */
  factorAdded: string;
  /** A passkey from an authenticator the kit doesn't know by name. */
  passkeyFallbackName: string;
  loadError: string;
  actionError: string;
}

/** Enrollment's words that the modal's heading needs before enrollment's screens have loaded. */
type PromptEnrollKey = 'title' | 'description';
type PromptRecoveryCodesKey = 'title';
/** The passkey and recovery-code steps' words that the modal shows under the heading before those steps have loaded. */
type PromptStepKey = 'description';

/**
 * What the provider holds: the app's strings merged over the English every prompt may need up
 * front. The groups that only parts loaded on demand read may be partial there (the app's
 * overrides alone); those parts complete them over `en-on-demand.ts` (`completeStrings`).
 */
export type MfaPromptStrings = Omit<MfaStrings, 'approving' | 'summary' | 'discard' | 'enroll' | 'recoveryCodes' | 'chooseMethod' | 'passkey' | 'recovery'> & {
  enroll: Pick<MfaStrings['enroll'], PromptEnrollKey> & Partial<MfaStrings['enroll']>;
  recoveryCodes: Pick<MfaStrings['recoveryCodes'], PromptRecoveryCodesKey> & Partial<MfaStrings['recoveryCodes']>;
  passkey: Pick<MfaStrings['passkey'], PromptStepKey> & Partial<MfaStrings['passkey']>;
  recovery: Pick<MfaStrings['recovery'], PromptStepKey> & Partial<MfaStrings['recovery']>;
  chooseMethod?: Partial<MfaStrings['chooseMethod']>;
  approving?: string;
  summary?: Partial<MfaStrings['summary']>;
  discard?: Partial<MfaStrings['discard']>;
};

/** The rest: what `completeStrings` adds to `MfaPromptStrings` to make `MfaStrings`. */
export interface MfaOnDemandStrings {
  approving: string;
  chooseMethod: MfaStrings['chooseMethod'];
  passkey: Omit<MfaStrings['passkey'], PromptStepKey>;
  recovery: Omit<MfaStrings['recovery'], PromptStepKey>;
  summary: MfaStrings['summary'];
  discard: MfaStrings['discard'];
  enroll: Omit<MfaStrings['enroll'], PromptEnrollKey>;
  recoveryCodes: Omit<MfaStrings['recoveryCodes'], PromptRecoveryCodesKey>;
}

/** Any subset of the strings, merged over the locale's at any depth. */
export type MfaStringsOverride = {
  [K in keyof MfaStrings]?: NonNullable<MfaStrings[K]> extends string
    ? string
    : NonNullable<MfaStrings[K]> extends Record<string, unknown>
      ? {
          [L in keyof NonNullable<MfaStrings[K]>]?: NonNullable<MfaStrings[K]>[L] extends Record<string, unknown>
            ? Partial<NonNullable<MfaStrings[K]>[L]>
            : NonNullable<MfaStrings[K]>[L];
        }
      : MfaStrings[K];
};
