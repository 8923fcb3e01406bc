import type { Context } from 'hono';
import { invalidRequest } from './mfa-http-error.js';

export type JsonObject = Record<string, unknown>;

const BODY_KEY = 'mfaJsonBody';

/**
 * The request's JSON body as an object, parsed once per request and cached, so a guard
 * (which digests the body, DESIGN.md §10) and the handler read the same value. An empty body
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
  (c.set as (key: string, value: unknown) => void)(BODY_KEY, value);
  return value as JsonObject;
}
