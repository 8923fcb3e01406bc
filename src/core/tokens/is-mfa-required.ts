/**
 * `isMfaRequiredForAction`: asks the server whether `mfaAction` needs a step-up for this user.
 * Fails closed: when the answer can't be had (offline, timeout, a 500, a bad answer) it says
 * true, because prompting once too often costs a tap while skipping a required prompt makes
 * the guarded request fail later with a less helpful error.
 */
import type { MFAAction } from '../../protocol/index.js';
import type { MfaApi, MfaCallOptions } from '../http/mfa-api.js';

export async function isMfaRequiredForAction(
  api: Pick<MfaApi, 'isActionRequired'>,
  params: { mfaAction: MFAAction },
  options?: MfaCallOptions,
): Promise<boolean> {
  try {
    return await api.isActionRequired(params.mfaAction, options);
  } catch {
    return true;
  }
}
