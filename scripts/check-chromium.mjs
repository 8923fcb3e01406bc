// `npm test` drives a real Chromium (stories and end-to-end). This finds it, or says
// exactly what to run: the Playwright download is unreachable here, Debian's package is not.
import { accessSync, constants } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
try {
  accessSync(path, constants.X_OK);
} catch {
  console.error(
    `mfa-kit: the browser tests need Chromium at ${path}, and it is not there.\n` +
      `Install Debian's package:   sudo apt-get install -y chromium\n` +
      `or point CHROMIUM_PATH at another Chromium/Chrome binary (never \`npx playwright install\`).\n` +
      `.ci/run installs it for you on a fresh machine.`,
  );
  process.exit(1);
}
