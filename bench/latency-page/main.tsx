/**
 * The page the open-latency benchmark drives. It mounts the kit and, beside it, two baselines:
 * a bare native modal <dialog> with one input, and a bare Radix Dialog with one input (the
 * parts the kit's modal is built on). `window.measure*` each open and close a modal `runs`
 * times and return the milliseconds from the call to the input having focus.
 *
 * The kit talks to its API one of two ways, chosen by the page's query: by default an in-page
 * MfaApi that answers at once (the kit's own cost, no network), or with `?api=http` the real
 * HTTP client on `/mfa` (`apiBaseUrl`), which the bench's server answers and Playwright may
 * delay: any request a prompt makes before focus then shows up in the figure.
 */
import 'mfa-kit/react/styles.css';
import { MfaCancelledError, TokenScope, type MfaApi } from 'mfa-kit';
import { MfaProvider, promptMfaAuth } from 'mfa-kit/react';
import * as Dialog from '@radix-ui/react-dialog';
import { useLayoutEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';

const device = { id: 'device-1', createdAt: new Date(0).toISOString(), isDefault: true, lastUsedAt: null };
const notUsed = () => Promise.reject(new Error('not used by the benchmark'));
const instantApi = {
  getMethods: async () => ({ totpDevices: [device], passkeys: [], recoveryCodes: { remaining: 10, acknowledged: true }, userHasVerifiedMfaMethods: true }),
  isActionRequired: async () => true,
} as Partial<MfaApi>;
const api = new Proxy(instantApi, { get: (target, key: string) => target[key as keyof MfaApi] ?? notUsed }) as MfaApi;

function untilFocused(matches: (el: Element) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const check = () => {
      if (document.activeElement && matches(document.activeElement)) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    document.addEventListener('focusin', function onFocus(event) {
      if (event.target instanceof Element && matches(event.target)) {
        document.removeEventListener('focusin', onFocus);
        resolve(performance.now());
      }
    });
    check();
  });
}

const isOtpInput = (el: Element) => el instanceof HTMLInputElement && el.autocomplete === 'one-time-code';
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

async function measureKit(runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const pending = promptMfaAuth({ requestedScopes: [TokenScope.Walletexport] }).catch((error: unknown) => {
      if (!(error instanceof MfaCancelledError)) throw error;
    });
    samples.push((await untilFocused(isOtpInput)) - start);
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await pending;
    await settle();
  }
  return samples;
}

let setBaselineOpen: (open: boolean) => void = () => {};
function Baseline() {
  const [open, setOpen] = useState(false);
  setBaselineOpen = setOpen;
  return open ? <BaselineDialog onClose={() => setOpen(false)} /> : null;
}

function BaselineDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    ref.current!.showModal();
    input.current!.focus();
  }, []);
  return (
    <dialog ref={ref} onCancel={onClose} aria-labelledby="baseline-title">
      <h2 id="baseline-title">Enter your code</h2>
      <input ref={input} data-baseline autoComplete="off" aria-label="Code" />
    </dialog>
  );
}

async function measureBaseline(runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    setBaselineOpen(true);
    samples.push((await untilFocused((el) => el.hasAttribute('data-baseline'))) - start);
    flushSync(() => setBaselineOpen(false));
    await settle();
  }
  return samples;
}

let setRadixOpen: (open: boolean) => void = () => {};
function RadixBaseline() {
  const [open, setOpen] = useState(false);
  setRadixOpen = setOpen;
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay style={{ position: 'fixed', inset: 0, background: 'rgb(0 0 0 / 0.4)' }} />
        <Dialog.Content aria-describedby={undefined} style={{ position: 'fixed', top: '30%', left: '50%', background: 'white' }}>
          <Dialog.Title>Enter your code</Dialog.Title>
          <input data-radix-baseline autoComplete="off" aria-label="Code" />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

async function measureRadix(runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    setRadixOpen(true);
    samples.push((await untilFocused((el) => el.hasAttribute('data-radix-baseline'))) - start);
    flushSync(() => setRadixOpen(false));
    await settle();
  }
  return samples;
}

Object.assign(window, { measureKit, measureBaseline, measureRadix });

const overHttp = new URLSearchParams(location.search).get('api') === 'http';
createRoot(document.getElementById('root')!).render(
  overHttp ? (
    <MfaProvider apiBaseUrl="/mfa" getAuthHeaders={() => ({ Authorization: 'Bearer bench' })}>
      <Baseline />
      <RadixBaseline />
    </MfaProvider>
  ) : (
    <MfaProvider client={api}>
      <Baseline />
      <RadixBaseline />
    </MfaProvider>
  ),
);
