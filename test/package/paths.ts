import { fileURLToPath } from 'node:url';

/** Where the package checks work: the packed tarball and the consumer apps that install it. */
export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const OUT = `${REPO}test-results/package`;
export const FIXTURES = `${OUT}/fixtures`;
export const PAGES = `${OUT}/pages`;
export const SERVER_PORT = Number(process.env.PACKAGE_SERVER_PORT ?? 5301);
export const NEXT_PORT = Number(process.env.PACKAGE_NEXT_PORT ?? 5302);
export const SERVER_URL = `http://localhost:${SERVER_PORT}`;
export const NEXT_URL = `http://localhost:${NEXT_PORT}`;

/** What `npm pack --json` said about the tarball (written by prepare.ts). */
export interface PackInfo {
  tarball: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}
export const PACK_INFO = `${OUT}/pack.json`;
