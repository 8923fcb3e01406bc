'use client';
import { useEffect, useState } from 'react';
import type { SecurityEvent } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { fill } from '../strings/format.js';
import { enSettings } from './settings-strings.js';

const METHOD_NAMES: Record<string, string> = { totp: 'TOTP', passkey: 'Passkey', recovery_code: 'Recovery code' };

/**
 * The user's recent security events (`GET /mfa/events`), so that a change they did not make
 * (a passkey added, codes regenerated) is visible. Reloads whenever `refreshKey` changes.
 */
export function MfaRecentActivity({ refreshKey }: { refreshKey?: unknown }) {
  const { controller, strings } = useMfaKit('MfaRecentActivity');
  const t = { ...enSettings, ...strings.settings };
  const [events, setEvents] = useState<SecurityEvent[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    controller.api.getSecurityEvents().then(
      (answer) => live && (setEvents(answer.events), setFailed(false)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [controller, refreshKey]);

  const when = (iso: string) => new Intl.DateTimeFormat(strings.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const label = (event: SecurityEvent) => {
    const { factor, method } = event.details;
    const name = factor?.name ?? (factor ? (factor.kind === 'totp' ? t.authenticatorApp : t.passkeyFallbackName) : (METHOD_NAMES[method ?? ''] ?? ''));
    return fill(t.activity[event.type] ?? event.type, { name });
  };

  return (
    <>
      <h3>{t.recentActivity}</h3>
      {failed ? <p className="mfa-text">{t.activityError}</p> : null}
      {events && events.length === 0 ? <p className="mfa-text">{t.noActivity}</p> : null}
      {events && events.length > 0 ? (
        <ul className="mfa-activity" aria-label={t.recentActivity}>
          {events.map((event) => (
            <li key={event.id} data-event={event.type}>
              <span>{label(event)}</span>
              <span className="mfa-meta">
                {fill(t.activityMeta, { date: when(event.at), client: [event.ipAddress, event.userAgent].filter(Boolean).join(', ') }).replace(/ · $/, '')}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
