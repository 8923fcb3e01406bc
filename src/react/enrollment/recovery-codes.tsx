'use client';
/**
 * Recovery codes, shown once: a boxed, numbered grid with Copy, Download (.txt from a Blob
 * URL) and Print (nothing leaves the page), and an "I have saved these codes" box that must
 * be ticked before Continue.
 */
import { useId, useState } from 'react';
import { MfaButton } from '../modal/mfa-modal-parts.js';
import type { MfaStrings } from '../strings/types.js';
import { MfaCopyButton } from './copy-button.js';
import { printCodes } from './print-codes.js';

export function MfaRecoveryCodes({ codes, strings, onContinue }: { codes: string[]; strings: MfaStrings; onContinue: () => void }) {
  const [saved, setSaved] = useState(false);
  const checkboxId = useId();
  const listId = useId();
  const text = codes.join('\n') + '\n';
  const t = strings.recoveryCodes;
  return (
    <div className="mfa-recovery-codes">
      <p className="mfa-text">{t.description}</p>
      <div className="mfa-code-box">
        {/* Numbered by CSS counters, so copying or reading a code gives the code alone. */}
        <ol className="mfa-code-grid" id={listId} aria-label={t.listLabel}>
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <div className="mfa-code-tools">
          <MfaCopyButton text={text} label={strings.enroll.copy} copiedLabel={strings.enroll.copied} accessibleName={t.listLabel} />
          <MfaButton onClick={() => download(text, t.fileName)}>{t.download}</MfaButton>
          <MfaButton onClick={() => printCodes(t.title, codes)}>{t.print}</MfaButton>
        </div>
      </div>
      <div className="mfa-check">
        <input id={checkboxId} type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        <label htmlFor={checkboxId}>{t.acknowledge}</label>
      </div>
      <MfaButton variant="primary" className="mfa-button mfa-block" disabled={!saved} onClick={onContinue}>
        {t.continue}
      </MfaButton>
    </div>
  );
}

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
