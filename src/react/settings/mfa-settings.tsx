'use client';
/**
 * Managing factors: TOTP devices and passkeys with their dates, the default device and
 * renaming a passkey (both step up with `credential:update` first: the server refuses them
 * without it), removing a factor (`credential:unlink`, bound to that factor; removing the
 * last one says plainly what is lost), adding one (`credential:link` when the user already
 * has one) and new recovery codes (`credential:update`).
 */
import { useId, useState } from 'react';
import { MfaCancelledError } from '../../core/errors.js';
import type { Passkey, TokenScope, TotpDevice } from '../../protocol/index.js';
import { MfaRecoveryCodes } from '../enrollment/recovery-codes.js';
import { MfaTotpEnrollment } from '../enrollment/mfa-totp-enrollment.js';
import { useRegisterPasskey } from '../hooks/use-register-passkey.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { completeStrings } from '../strings/complete-strings.js';
import { MfaButton, MfaStatusLine } from '../modal/mfa-modal-parts.js';
import { fill, plural } from '../strings/format.js';
import { MfaFactorItem } from './factor-item.js';
import { MfaRecentActivity } from './recent-activity.js';
import { enSettings } from './settings-strings.js';
import { useMfaMethods } from './use-mfa-methods.js';
import { headlessCallsOf } from '../../core/prompt/headless-calls.js';

type Removal = { kind: 'totp'; device: TotpDevice } | { kind: 'passkey'; passkey: Passkey };

export function MfaSettings() {
  const kit = useMfaKit('MfaSettings');
  const { controller, strings, theme } = kit;
  const t = { ...enSettings, ...strings.settings };
  // Two settings panels on one page (or a panel per account) must not share a heading id.
  const titleId = useId();
  const { methods, error, reload } = useMfaMethods();
  const registerPasskey = useRegisterPasskey();
  const [removing, setRemoving] = useState<Removal | null>(null);
  const [addingTotp, setAddingTotp] = useState(false);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const [actionError, setActionError] = useState(false);
  const [confirmingRegenerate, setConfirmingRegenerate] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const factorCount = methods ? methods.totpDevices.length + methods.passkeys.length : 0;
  // The server refuses to remove the only factor (unless it allows it); say so instead of failing.
  const lastFactorNote = factorCount <= 1 ? t.lastFactorNote : undefined;
  const date = (iso: string) => new Intl.DateTimeFormat(strings.locale, { dateStyle: 'medium' }).format(new Date(iso));

  /**
   * Runs `act`, then reloads. With `stepUp`, prompts for that scope first (bound to
   * `credentialId` when one factor is being removed).
   */
  async function guarded(act: () => Promise<unknown>, { stepUp, credentialId }: { stepUp?: TokenScope | undefined; credentialId?: string } = {}) {
    setActionError(false);
    try {
      if (stepUp) await controller.prompt({ requestedScopes: [stepUp], ...(credentialId ? { credentialId } : {}) });
      await act();
      await reload();
    } catch (cause) {
      // Closing the modal is the user's choice, not an error to report.
      if (!(cause instanceof MfaCancelledError)) setActionError(true);
    }
  }
  // The token the step-up just earned; a legacy token is never spent from here.
  const token = (scope: TokenScope) => headlessCallsOf(controller).credentialsFor(scope, { legacyFallback: false });

  function confirmRemoval(removal: Removal) {
    setRemoving(null);
    void guarded(
      () =>
        removal.kind === 'totp'
          ? controller.api.deleteTotpDevice(removal.device.id, token('credential:unlink'))
          : controller.api.deletePasskey(removal.passkey.id, token('credential:unlink')),
      // The server binds an unlink approval to the one factor it removes.
      { stepUp: 'credential:unlink', credentialId: removal.kind === 'totp' ? removal.device.id : removal.passkey.id },
    );
  }

  if (error && !methods) {
    return (
      <section className="mfa-settings" data-theme={theme} aria-labelledby={titleId}>
        <h2 id={titleId}>{t.title}</h2>
        <MfaStatusLine error={t.loadError}>
          <MfaButton onClick={() => void reload()}>{strings.tryAgain}</MfaButton>
        </MfaStatusLine>
      </section>
    );
  }

  return (
    <section className="mfa-settings" data-theme={theme} data-state={methods ? 'ready' : 'loading'} aria-busy={!methods} aria-labelledby={titleId}>
      <h2 id={titleId}>{t.title}</h2>
      <MfaStatusLine info={added ? fill(t.factorAdded, { name: added }) : undefined} error={actionError ? t.actionError : undefined} />

      <h3>{t.totpDevices}</h3>
      <ul className="mfa-factor-list" aria-label={t.totpDevices}>
        {methods?.totpDevices.map((device) => (
          <MfaFactorItem
            key={device.id}
            kind="totp"
            name={t.authenticatorApp}
            meta={meta(t, date, device.createdAt, device.lastUsedAt ?? null)}
            strings={t}
            isDefault={device.isDefault}
            onSetDefault={() => void guarded(() => controller.api.setDefaultTotpDevice(device.id, token('credential:update')), { stepUp: 'credential:update' })}
            onRemove={() => setRemoving({ kind: 'totp', device })}
            removeUnavailable={lastFactorNote}
          />
        ))}
        {methods && methods.totpDevices.length === 0 ? <li className="mfa-text">{t.none}</li> : null}
      </ul>

      <h3>{t.passkeys}</h3>
      <ul className="mfa-factor-list" aria-label={t.passkeys}>
        {methods?.passkeys.map((passkey) => (
          <MfaFactorItem
            key={passkey.id}
            kind="passkey"
            name={passkey.name}
            meta={meta(t, date, passkey.createdAt, passkey.lastUsedAt)}
            strings={t}
            onRename={(name) => void guarded(() => controller.api.renamePasskey(passkey.id, name, token('credential:update')), { stepUp: 'credential:update' })}
            onRemove={() => setRemoving({ kind: 'passkey', passkey })}
            removeUnavailable={lastFactorNote}
          />
        ))}
        {methods && methods.passkeys.length === 0 ? <li className="mfa-text">{t.none}</li> : null}
      </ul>

      {removing ? (
        <div className="mfa-confirm" role="alertdialog" aria-labelledby="mfa-remove-title" aria-describedby="mfa-remove-text">
          <p id="mfa-remove-title">
            <strong>{t.confirmRemoveTitle}</strong>
          </p>
          <p id="mfa-remove-text">{factorCount <= 1 ? t.confirmRemoveLast : t.confirmRemove}</p>
          <div className="mfa-row">
            <MfaButton variant="danger" onClick={() => confirmRemoval(removing)}>
              {t.remove}
            </MfaButton>
            <MfaButton onClick={() => setRemoving(null)}>{t.cancel}</MfaButton>
          </div>
        </div>
      ) : null}

      <div className="mfa-row" style={{ marginTop: 16 }}>
        <MfaButton
          onClick={() => void guarded(async () => setAddingTotp(true), { stepUp: factorCount > 0 ? 'credential:link' : undefined })}
          disabled={!methods || addingTotp}
        >
          {t.addTotp}
        </MfaButton>
        {kit.methods.includes('passkey') ? (
          <MfaButton
            onClick={() =>
              void guarded(
                async () => {
                  await registerPasskey();
                  setAdded(t.passkeys);
                },
                { stepUp: factorCount > 0 ? 'credential:link' : undefined },
              )
            }
            disabled={!methods}
          >
            {t.addPasskey}
          </MfaButton>
        ) : null}
      </div>
      {addingTotp ? (
        <MfaTotpEnrollment
          onComplete={() => {
            setAddingTotp(false);
            setAdded(t.authenticatorApp);
            void reload();
          }}
        />
      ) : null}

      {kit.methods.includes('recovery_code') && factorCount > 0 ? (
        <>
          <h3>{t.recoveryCodes}</h3>
          <p className="mfa-text">{methods ? plural(t.recoveryCodesLeft, methods.recoveryCodes.remaining, strings.locale) : null}</p>
          {methods && !methods.recoveryCodes.acknowledged && !newCodes ? (
            <p className="mfa-notice" data-state="codes-needed">
              {t.codesNeeded}
            </p>
          ) : null}
          {newCodes ? (
            <MfaRecoveryCodes
              codes={newCodes}
              strings={completeStrings(strings)}
              onContinue={() => void guarded(() => controller.api.acknowledgeRecoveryCodes().then(() => setNewCodes(null)))}
            />
          ) : confirmingRegenerate ? (
            <div className="mfa-confirm" role="alertdialog" aria-label={t.regenerate} aria-describedby="mfa-regenerate-text">
              <p id="mfa-regenerate-text">{t.regenerateWarning}</p>
              <div className="mfa-row">
                <MfaButton
                  variant="danger"
                  autoFocus
                  onClick={() => {
                    setConfirmingRegenerate(false);
                    void guarded(async () => setNewCodes((await controller.api.regenerateRecoveryCodes(token('credential:update'))).codes), {
                      stepUp: 'credential:update',
                    });
                  }}
                >
                  {t.regenerateConfirm}
                </MfaButton>
                <MfaButton onClick={() => setConfirmingRegenerate(false)}>{t.cancel}</MfaButton>
              </div>
            </div>
          ) : (
            <MfaButton variant={methods && !methods.recoveryCodes.acknowledged ? 'primary' : 'secondary'} onClick={() => setConfirmingRegenerate(true)}>
              {t.regenerate}
            </MfaButton>
          )}
        </>
      ) : null}

      <MfaRecentActivity refreshKey={methods} />
    </section>
  );
}

function meta(t: typeof enSettings, date: (iso: string) => string, createdAt: string, lastUsedAt: string | null): string {
  return `${fill(t.added, { date: date(createdAt) })} · ${lastUsedAt ? fill(t.lastUsed, { date: date(lastUsedAt) }) : t.neverUsed}`;
}
