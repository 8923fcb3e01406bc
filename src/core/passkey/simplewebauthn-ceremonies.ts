/**
 * The three parts of @simplewebauthn/browser the kit uses, as one module to load on demand.
 * Importing the package's namespace instead would ship all of it (its signal API, capability
 * probes and autofill check among them), since a bundler cannot tree-shake a dynamic import's
 * namespace.
 */
export { startAuthentication, startRegistration, WebAuthnAbortService } from '@simplewebauthn/browser';
