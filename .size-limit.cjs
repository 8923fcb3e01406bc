// Size budget of the prompt path (issue 3): `{ MfaProvider, usePromptMfaAuth }` from
// mfa-kit/react, minified + gzip, everything bundled (Radix Dialog, input-otp, the WebAuthn
// client, the core) except the app's own React.
//
// `uqr` is left out because no prompt downloads it: only the enrollment QR code reaches it,
// through `import('uqr')` (src/react/enrollment/qr-code.tsx). esbuild without code splitting
// would inline that lazy chunk and count it as if every page paid for it.
module.exports = [
  {
    name: 'prompt path { MfaProvider, usePromptMfaAuth } from mfa-kit/react',
    path: 'src/react/size-entry.ts',
    import: '{ MfaProvider, usePromptMfaAuth }',
    ignore: ['react', 'react-dom', 'react/jsx-runtime', 'uqr'],
    gzip: true,
    limit: '25 kB',
  },
];
