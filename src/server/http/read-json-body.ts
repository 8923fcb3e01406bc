import type { Context } from 'hono';
import { MfaHttpError, invalidRequest } from './mfa-http-error.js';

export type JsonObject = Record<string, unknown>;

const BODY_KEY = 'mfaJsonBody';
/** Deeper than any request of ours; the canonicaliser (RFC 8785) recurses once per level. */
export const MAX_JSON_DEPTH = 32;

/** `application/json`, with parameters (`; charset=utf-8`) allowed, case-insensitive. */
function isJsonMediaType(contentType: string): boolean {
  return contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** Depth of a parsed JSON value, walked without recursion so no input can overflow the stack. */
function exceedsDepth(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The request's JSON body as an object, parsed once per request and cached, so a guard
 * (which digests the body, docs/architecture.md §10) and the handler read the same value. An empty body
 * reads as `{}`; anything that is not a JSON object is a 400 `invalid_request`. The size
 * limit is enforced earlier by the body-limit middleware (413).
 */
export async function readJsonBody(c: Context): Promise<JsonObject> {
  const cached = (c.get as (key: string) => unknown)(BODY_KEY);
  if (cached !== undefined) return cached as JsonObject;
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    throw invalidRequest('The request body could not be read.');
  }
  // A cross-site `<form enctype="text/plain">` can post a body no JSON API should act on.
  const contentType = c.req.header('content-type');
  if ((contentType !== undefined || text !== '') && !isJsonMediaType(contentType ?? '')) {
    throw new MfaHttpError('unsupported_media_type', 'The request body must be `Content-Type: application/json`.');
  }
  let value: unknown = {};
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      throw invalidRequest('The request body is not valid JSON.');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest('The request body must be a JSON object.');
  }
  if (exceedsDepth(value, MAX_JSON_DEPTH)) throw invalidRequest(`The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  (c.set as (key: string, value: unknown) => void)(BODY_KEY, value);
  return value as JsonObject;
}
