import { useState, type FormEvent } from 'react';
import { signIn } from './wallet-api';

export interface Session {
  sessionToken: string;
  userId: string;
  name: string;
  /** When the server ends the session, in this page's clock (`Date.now()`). */
  endsAt: number;
}

export function SignIn({ onSignedIn, notice }: { onSignedIn: (session: Session) => void; notice?: string | null }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { sessionToken, userId, expiresInSeconds } = await signIn(name.trim());
      // The end as a duration from now, not the server's timestamp: the two clocks may differ.
      onSignedIn({ sessionToken, userId, name: name.trim(), endsAt: Date.now() + expiresInSeconds * 1000 });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Could not sign in.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      {notice && <p role="status">{notice}</p>}
      <p className="muted">Any name works: the same name is the same user, with the same wallet.</p>
      <label htmlFor="name">Your name</label>
      <div className="row">
        <input id="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} autoComplete="username" />
        <button type="submit" disabled={busy || name.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
