// Threat: `npm run server` listens on every interface, so anyone on the network reaches a
// demo whose login needs no password.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Starts `demo/server/main.ts` and returns its start line, then stops it. */
async function startLine(env: Record<string, string>): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mfa-kit-main-'));
  const { HOST: _inherited, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
    env: { ...inherited, PORT: '0', MFA_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    return await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('npm run server', () => {
  it('binds localhost by default, HOST changes it, and says the demo login is for trying the kit', async () => {
    const line = await startLine({});
    expect(line).toMatch(/listening on http:\/\/localhost:\d+/);
    expect(line).toMatch(/needs no password: it is for trying the kit only/);
    expect(await startLine({ HOST: '127.0.0.1' })).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
  }, 60_000);
});
