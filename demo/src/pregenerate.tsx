/**
 * What an app's backend does for a user who has not signed in yet: make them a wallet (for
 * example to receive funds). Signing in with that name later finds it, unclaimed.
 */
import { useState, type FormEvent } from 'react';
import type { DemoPregenerateResponse } from '../shared/wallet-wire.js';

export function Pregenerate() {
  const [name, setName] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const response = await fetch('/demo/pregenerate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: name.trim() }),
    });
    const json = (await response.json().catch(() => null)) as (DemoPregenerateResponse & { error?: { message: string } }) | null;
    setResult(
      response.ok && json
        ? { ok: true, text: `Wallet ${json.address} created for ${name.trim()}.` }
        : { ok: false, text: json?.error?.message ?? 'Could not create it.' },
    );
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="pregenerate-title">
      <h2 id="pregenerate-title">Pregenerate a wallet</h2>
      <p className="muted">For someone who has not signed in yet: they claim it at their first sign-in.</p>
      <label htmlFor="pregenerate-name">Their name</label>
      <div className="row">
        <input id="pregenerate-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} />
        <button type="submit" disabled={name.trim() === ''}>
          Create wallet
        </button>
      </div>
      <p role="status" data-testid="pregenerated" className={result && !result.ok ? 'error' : undefined}>
        {result?.text}
      </p>
    </form>
  );
}
