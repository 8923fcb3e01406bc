import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { MAX_BODY_BYTES } from '../../protocol/index.js';
import { MfaHttpError } from './mfa-http-error.js';

export type MfaLogger = (line: string) => void;

/**
 * Turns anything thrown by a handler into a JSON error. Known errors keep their code; anything
 * else is a 500 whose body says nothing about the cause. The log line carries the error's
 * class and message only: request bodies and headers (codes, tokens, secrets) are never logged.
 */
export function createErrorHandler(log: MfaLogger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof MfaHttpError) return error.toResponse();
    if (error instanceof HTTPException) {
      if (error.status === 413) return payloadTooLarge();
      if (error.status === 400) return new MfaHttpError('invalid_request', 'The request could not be read.').toResponse();
    }
    log(`mfa-kit: internal error on ${c.req.method} ${c.req.path}: ${error.name}: ${error.message}`);
    return new MfaHttpError('internal_error', 'Internal server error.').toResponse();
  };
}

export function payloadTooLarge(): Response {
  return new MfaHttpError('payload_too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`).toResponse();
}

export function notFoundHandler(c: Context): Response {
  return new MfaHttpError('not_found', `No route for ${c.req.method} ${c.req.path}.`).toResponse();
}
