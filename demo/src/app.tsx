import { MfaProvider, MfaSettings } from 'mfa-kit/react';
import { useCallback, useState } from 'react';
import { Pregenerate } from './pregenerate';
import { SignIn, type Session } from './sign-in';
import { useSessionExpiry } from './use-session-expiry';
import { Wallet } from './wallet';

export function App() {
  // The session lives in memory only: a reload signs you out (tokens never touch storage).
  const [session, setSession] = useState<Session | null>(null);
  const [tab, setTab] = useState<'wallet' | 'security'>('wallet');
  const [notice, setNotice] = useState<string | null>(null);
  const expire = useCallback(() => {
    setSession(null);
    setNotice('Your session has ended. Sign in again to go on.');
  }, []);
  useSessionExpiry(session, expire);
  const signedIn = useCallback((next: Session) => {
    setNotice(null);
    setSession(next);
  }, []);

  if (!session) {
    return (
      <main>
        <Header />
        <SignIn onSignedIn={signedIn} notice={notice} />
        <Pregenerate />
      </main>
    );
  }

  return (
    <MfaProvider
      apiBaseUrl="/mfa"
      getAuthHeaders={() => ({ Authorization: `Bearer ${session.sessionToken}` })}
      sessionKey={session.sessionToken}
      theme="system"
    >
      <main>
        <Header>
          <span>
            Signed in as <strong>{session.name}</strong>{' '}
            <button type="button" className="link" onClick={() => setSession(null)}>
              Sign out
            </button>
          </span>
        </Header>
        <nav aria-label="Sections" className="tabs">
          <button type="button" aria-current={tab === 'wallet' ? 'page' : undefined} onClick={() => setTab('wallet')}>
            Wallet
          </button>
          <button type="button" aria-current={tab === 'security' ? 'page' : undefined} onClick={() => setTab('security')}>
            Security
          </button>
        </nav>
        {tab === 'wallet' ? (
          <Wallet session={session} />
        ) : (
          <div className="card">
            <MfaSettings />
          </div>
        )}
      </main>
    </MfaProvider>
  );
}

function Header({ children }: { children?: React.ReactNode }) {
  return (
    <header className="header">
      <h1>mfa-kit demo wallet</h1>
      {children}
    </header>
  );
}
