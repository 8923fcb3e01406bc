'use client';
import { useId, useState } from 'react';
import { MfaButton } from '../modal/mfa-modal-parts.js';
import { fill } from '../strings/format.js';
import type { MfaSettingsStrings } from '../strings/types.js';

/** One factor in the settings list: name, dates, and what can be done with it. */
export function MfaFactorItem({
  kind,
  name,
  meta,
  strings: t,
  isDefault,
  onSetDefault,
  onRename,
  onRemove,
  removeUnavailable,
}: {
  kind: 'totp' | 'passkey';
  name: string;
  meta: string;
  strings: MfaSettingsStrings;
  isDefault?: boolean;
  onSetDefault?: () => void;
  onRename?: (name: string) => void;
  onRemove: () => void;
  /** Why Remove is unavailable (the server refuses to remove the only factor). */
  removeUnavailable?: string | undefined;
}) {
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(name);
  const inputId = useId();
  const noteId = useId();
  return (
    <li className="mfa-factor" data-method={kind}>
      <MfaFactorIcon kind={kind} />
      {renaming && onRename ? (
        <form
          className="mfa-row"
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim()) onRename(draft.trim());
            setRenaming(false);
          }}
        >
          <label htmlFor={inputId} className="mfa-label">
            {t.renameLabel}
          </label>
          <input id={inputId} className="mfa-input" value={draft} onChange={(event) => setDraft(event.target.value)} autoFocus maxLength={64} />
          <MfaButton type="submit" variant="primary">
            {t.save}
          </MfaButton>
          <MfaButton onClick={() => setRenaming(false)}>{t.cancel}</MfaButton>
        </form>
      ) : (
        <span className="mfa-factor-name">{name}</span>
      )}
      {isDefault ? <span className="mfa-badge">{t.isDefault}</span> : null}
      {onSetDefault && !isDefault ? <MfaButton onClick={onSetDefault}>{t.setDefault}</MfaButton> : null}
      {onRename && !renaming ? (
        <MfaButton
          aria-label={`${t.rename} ${name}`}
          onClick={() => {
            setDraft(name);
            setRenaming(true);
          }}
        >
          {t.rename}
        </MfaButton>
      ) : null}
      <MfaButton
        variant="danger"
        aria-label={fill(t.removeLabel, { name })}
        onClick={onRemove}
        disabled={removeUnavailable !== undefined}
        aria-describedby={removeUnavailable !== undefined ? noteId : undefined}
      >
        {t.remove}
      </MfaButton>
      {removeUnavailable !== undefined ? (
        <span id={noteId} className="mfa-factor-note">
          {removeUnavailable}
        </span>
      ) : null}
      <span className="mfa-factor-meta">{meta}</span>
    </li>
  );
}

/** A phone for an authenticator app, a key for a passkey: the kind is seen before it is read. */
function MfaFactorIcon({ kind }: { kind: 'totp' | 'passkey' }) {
  return (
    <svg
      className="mfa-factor-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {kind === 'totp' ? (
        <>
          <rect x="6" y="2.5" width="12" height="19" rx="2.5" />
          <path d="M10.5 18h3" />
        </>
      ) : (
        <>
          <circle cx="8" cy="12" r="4" />
          <path d="M12 12h9M18 12v3M15 12v2" />
        </>
      )}
    </svg>
  );
}
