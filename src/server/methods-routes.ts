import { Hono } from 'hono';
import { ROUTES, type ActionRequiredRequest, type ActionRequiredResponse, type MfaMethodsResponse, type SecurityEventsResponse } from '../protocol/index.js';
import type { MfaEnv } from './context.js';
import { readJsonBody } from './http/read-json-body.js';
import { readMfaAction } from './http/validate.js';
import { isMfaRequired } from './policy.js';
import { SECURITY_EVENTS_LIMIT, toSecurityEvent } from './security-events.js';
import { toPasskey, toTotpDevice } from './wire.js';

/** `GET /methods`, `POST /actions/required` and `GET /events`. */
export function methodsRoutes(): Hono<MfaEnv> {
  const app = new Hono<MfaEnv>();

  app.get(ROUTES.methods, async (c) => {
    const { store } = c.var.mfa;
    const { userId } = c.var.mfaPrincipal;
    // Only verified devices are methods: an enrollment never confirmed counts for nothing.
    const [devices, passkeyRecords, recoveryCodes] = await Promise.all([
      store.listTotpDevices(userId),
      store.listPasskeys(userId),
      store.getRecoveryCodeState(userId),
    ]);
    const totpDevices = devices.filter((d) => d.verifiedAt !== null).map(toTotpDevice);
    const passkeys = passkeyRecords.map(toPasskey);
    const body: MfaMethodsResponse = {
      totpDevices,
      passkeys,
      recoveryCodes,
      userHasVerifiedMfaMethods: totpDevices.length + passkeys.length > 0,
    };
    return c.json(body);
  });

  app.post(ROUTES.actionsRequired, async (c) => {
    const { mfaAction } = { mfaAction: readMfaAction((await readJsonBody(c)).mfaAction) } satisfies ActionRequiredRequest;
    const body: ActionRequiredResponse = { required: await isMfaRequired(c.var.mfa, c.var.mfaPrincipal.userId, mfaAction) };
    return c.json(body);
  });

  // The user's recent security events, newest first: what `MfaSettings` shows as recent activity.
  app.get(ROUTES.events, async (c) => {
    const records = await c.var.mfa.store.listSecurityEvents(c.var.mfaPrincipal.userId, SECURITY_EVENTS_LIMIT);
    const body: SecurityEventsResponse = { events: records.map(toSecurityEvent) };
    return c.json(body);
  });

  return app;
}
