/**
 * RFC 9470 §3: a resource server asks for step-up with
 * `WWW-Authenticate: Bearer error="insufficient_user_authentication", scope="a b"`.
 * This reads that header (RFC 9110 §11.6.1 auth-param syntax: token or quoted-string values).
 */
import { STEP_UP_ERROR } from '../../protocol/index.js';

export interface StepUpChallenge {
  error: string;
  /** RFC 6750 §3: `scope` is a space-delimited list. Empty when the server named none. */
  scopes: string[];
  params: Record<string, string>;
}

/** Parses the first Bearer challenge; undefined when there is none. */
export function parseBearerChallenge(header: string | null): StepUpChallenge | undefined {
  if (!header) return undefined;
  const match = /(?:^|,\s*)Bearer(?:\s+|$)/i.exec(header);
  if (!match) return undefined;
  const rest = header.slice(match.index + match[0].length);
  const params: Record<string, string> = {};
  const param = /\s*([A-Za-z0-9_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*(?:,|$)/y;
  let found: RegExpExecArray | null;
  while ((found = param.exec(rest)) !== null && found[0] !== '') {
    const name = found[1];
    if (name === undefined) break;
    params[name.toLowerCase()] = found[2] !== undefined ? found[2].replace(/\\(.)/g, '$1') : (found[3] ?? '');
  }
  return {
    error: params['error'] ?? '',
    scopes: (params['scope'] ?? '').split(' ').filter((scope) => scope !== ''),
    params,
  };
}

/** The challenge when it is a step-up request (RFC 9470), otherwise undefined. */
export function parseStepUpChallenge(header: string | null): StepUpChallenge | undefined {
  const challenge = parseBearerChallenge(header);
  return challenge?.error === STEP_UP_ERROR ? challenge : undefined;
}
