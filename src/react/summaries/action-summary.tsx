'use client';
/**
 * What an action-bound prompt is approving, under the modal's title: the app's own line (if
 * any), then the details read from the payload whose digest the approval binds, by the app's
 * `renderActionSummary` or else the kit's renderers. A long summary scrolls inside its box,
 * so the code input and buttons stay in view.
 */
import type { ReactNode } from 'react';
import type { MfaPromptRequest } from '../../core/prompt/prompt-state.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { completeStrings } from '../strings/complete-strings.js';
import { fill } from '../strings/format.js';
import { MfaAuthorizationSummary } from './authorization-summary.js';
import { describeAction, type ActionSummaryModel } from './describe-action.js';
import { MfaMessageSummary } from './message-summary.js';
import { MfaSummaryFields } from './summary-rows.js';
import { MfaTransactionSummary } from './transaction-summary.js';
import { MfaTypedDataSummary } from './typed-data-summary.js';
import { MfaVisibleText } from './mfa-visible-text.js';

export function MfaActionSummary({ action }: { action: MfaPromptRequest['action'] }) {
  const kit = useMfaKit('MfaActionSummary');
  const { renderActionSummary } = kit;
  const strings = completeStrings(kit.strings);
  if (!action) return null;
  const custom = renderActionSummary?.({ mfaAction: action.mfaAction, payload: action.payload });
  const model = custom === undefined ? describeAction(action.mfaAction, action.payload) : undefined;
  const details = custom !== undefined ? custom : model && <MfaBuiltInSummary model={model} />;
  return (
    <>
      {action.summary ? (
        <p className="mfa-summary">
          <MfaVisibleText text={fill(strings.approving, { summary: action.summary })} />
        </p>
      ) : null}
      {details ? (
        // Focusable so a keyboard can scroll it (WCAG 2.1.1); named so a screen reader says what it is.
        <div className="mfa-action-summary" role="group" aria-label={strings.summary.label} tabIndex={0} data-summary={model?.kind ?? 'custom'}>
          {details}
        </div>
      ) : null}
    </>
  );
}

export function MfaBuiltInSummary({ model }: { model: ActionSummaryModel }): ReactNode {
  const strings = completeStrings(useMfaKit('MfaBuiltInSummary').strings);
  switch (model.kind) {
    case 'message':
      return <MfaMessageSummary message={model.message} />;
    case 'transaction':
      return <MfaTransactionSummary summary={model} />;
    case 'typed-data':
      return <MfaTypedDataSummary summary={model} />;
    case 'authorization':
      return <MfaAuthorizationSummary summary={model} />;
    case 'reshare':
      return <p className="mfa-summary-notice">{strings.summary.reshare}</p>;
    case 'claim':
      return <p className="mfa-summary-notice">{strings.summary.claim}</p>;
    case 'fields':
      return <MfaSummaryFields fields={model.fields} />;
  }
}
