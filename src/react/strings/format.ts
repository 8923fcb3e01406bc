/** Tiny formatting helpers for `MfaStrings`: no i18n library, the platform's Intl does the work. */
import type { MfaPlural, MfaPromptStrings, MfaStrings, MfaStringsOverride } from './types.js';

/** Replaces `{name}` placeholders; unknown names are left as they are so a typo shows. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** "1 attempt left." / "3 attempts left.", by the locale's plural rules (CLDR). */
export function plural(forms: MfaPlural, count: number, locale: string): string {
  const category = new Intl.PluralRules(locale).select(count) as keyof MfaPlural;
  return fill(forms[category] ?? forms.other, { count });
}

/** Deep-merges an app's overrides over a locale's strings (objects merge, the rest replace). */
export function mergeStrings(base: MfaStrings, override: MfaStringsOverride | undefined): MfaStrings {
  return override ? (mergeDeep(base, override) as MfaStrings) : base;
}

/** The same, over the English a prompt needs up front (the provider's strings). */
export function mergePromptStrings(base: MfaPromptStrings, override: MfaStringsOverride | undefined): MfaPromptStrings {
  return override ? (mergeDeep(base, override) as MfaPromptStrings) : base;
}

function mergeDeep(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = mergeDeep(base[key], value);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** m:ss, for the lockout countdown. */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
