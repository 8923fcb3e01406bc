import { ERROR_STATUS, type ErrorBody, type ServerErrorCode } from '../../protocol/index.js';

export type MfaErrorExtras = Omit<ErrorBody['error'], 'code' | 'message'>;

/**
 * The one error the route handlers throw. The app's error handler turns it into
 * `{ error: { code, message, ...extras } }` with the status of `ERROR_STATUS[code]`, so a
 * status can never drift from its code.
 */
export class MfaHttpError extends Error {
  override readonly name = 'MfaHttpError';
  readonly status: number;

  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly extras: MfaErrorExtras = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.extras } };
  }

  toResponse(): Response {
    return new Response(JSON.stringify(this.toBody()), {
      status: this.status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...this.headers },
    });
  }
}

export function invalidRequest(message: string): MfaHttpError {
  return new MfaHttpError('invalid_request', message);
}

export function notFound(message = 'Not found.'): MfaHttpError {
  return new MfaHttpError('not_found', message);
}
