import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MfaMethodsResponse, SecurityEvent } from '../../protocol/index.js';
import { MfaProvider } from '../mfa-provider.js';
import { de } from '../strings/de.js';
import { stubApi } from '../test/stub-api.js';
import { MfaSettings } from './mfa-settings.js';

const methods: MfaMethodsResponse = {
  totpDevices: [{ id: 'dev-1', createdAt: '2026-11-01T10:00:00.000Z', isDefault: true, lastUsedAt: null }],
  passkeys: [],
  recoveryCodes: { remaining: 10, acknowledged: true },
  userHasVerifiedMfaMethods: true,
};
const events: SecurityEvent[] = [
  {
    id: 'e2',
    type: 'factor_added',
    at: '2026-11-20T10:00:00.000Z',
    sessionId: 's',
    ipAddress: '203.0.113.7',
    userAgent: 'Firefox',
    details: { factor: { kind: 'passkey', id: 'pk', name: 'Work laptop' } },
  },
  {
    id: 'e1',
    type: 'step_up_granted',
    at: '2026-11-19T10:00:00.000Z',
    sessionId: 's',
    ipAddress: null,
    userAgent: null,
    details: { method: 'totp', scopes: ['wallet:export'] },
  },
];

describe('MfaSettings recent activity', () => {
  it('lists the events from GET /mfa/events, newest first, with where they came from', async () => {
    render(
      <MfaProvider api={stubApi({ getMethods: async () => methods, getSecurityEvents: async () => ({ events }) })} theme="light">
        <MfaSettings />
      </MfaProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Recent activity' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Work laptop added');
    expect(items[0]).toHaveTextContent('203.0.113.7, Firefox');
    expect(items[1]).toHaveTextContent('Action confirmed with TOTP');
  });

  it('says so in German when the list cannot be loaded', async () => {
    render(
      <MfaProvider api={stubApi({ getMethods: async () => methods })} strings={de} theme="light">
        <MfaSettings />
      </MfaProvider>,
    );
    expect(await screen.findByText('Ihre letzten Aktivitäten konnten nicht geladen werden.')).toBeInTheDocument();
  });
});
