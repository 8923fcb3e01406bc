import { useState, type FormEvent } from 'react';
import { signIn } from './wallet-api';

export interface Session {
  sessionToken: string;
  userId: string;
  name: string;
}

export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await signIn(name.trim());
      onSignedIn({ ...session, name: name.trim() });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Could not sign in.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
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
