'use client';
/**
 * Radix's context helper, trimmed: returns `[Provider, useThing]`, and `useThing` outside
 * its provider throws a sentence that says what to wrap the app in, instead of failing
 * later on an undefined.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';

export function createMfaContext<T>(consumerName: string, providerName = 'MfaProvider', hint = ` Wrap your app in <${providerName}>.`) {
  const Context = createContext<T | null>(null);
  Context.displayName = `${consumerName}Context`;

  function Provider({ value, children }: { value: T; children?: ReactNode }) {
    return createElement(Context.Provider, { value }, children);
  }

  function useThing(hookName: string = consumerName): T {
    const value = useContext(Context);
    if (value === null) {
      throw new Error(`\`${hookName}\` must be used inside <${providerName}>.${hint}`);
    }
    return value;
  }

  return [Provider, useThing] as const;
}
