import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createMfaServer, type MfaServer } from './create-mfa-server.js';
import type { MfaServerOptions } from './options.js';

export interface StartMfaServerOptions extends MfaServerOptions, ListenOptions {}

export interface RunningMfaServer {
  /** e.g. `http://localhost:8787` */
  url: string;
  port: number;
  server: MfaServer;
  /** Stops listening (dropping idle keep-alive connections) and closes the store. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8787;

export interface ListenOptions {
  /** @default 8787 (0 picks a free port) */
  port?: number;
  /** Interface to listen on. @default 'localhost' */
  hostname?: string;
}

/** Serves a built server (with the app's own routes mounted) on Node with @hono/node-server. */
export async function serveMfaServer(server: MfaServer, { port = DEFAULT_PORT, hostname = 'localhost' }: ListenOptions = {}): Promise<RunningMfaServer> {
  let listening: Server;
  const info = await new Promise<AddressInfo>((resolve, reject) => {
    listening = serve({ fetch: server.fetch, port, hostname }, resolve) as Server;
    listening.once('error', reject);
  });
  const host = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname;
  return {
    url: `http://${host}:${info.port}`,
    port: info.port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        listening.close((error) => {
          server.close().then(() => (error ? reject(error) : resolve()), reject);
        });
        listening.closeAllConnections();
      }),
  };
}

/** Builds the reference server and serves it on Node. */
export async function startMfaServer(options: StartMfaServerOptions = {}): Promise<RunningMfaServer> {
  const { port, hostname, ...serverOptions } = options;
  return serveMfaServer(await createMfaServer(serverOptions), { port, hostname });
}
