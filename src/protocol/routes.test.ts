import { describe, expect, it } from 'vitest';
import { ROUTES, routePattern } from './http.js';

describe('routePattern', () => {
  it('should give the server the pattern of the path the client builds', () => {
    expect(routePattern(ROUTES.totpDeviceVerify)).toBe('/totp/devices/:id/verify');
    expect(routePattern(ROUTES.totpDevice)).toBe('/totp/devices/:id');
    expect(routePattern(ROUTES.passkey)).toBe('/passkeys/:id');
  });
});
