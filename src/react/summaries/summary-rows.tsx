'use client';
import type { ReactNode } from 'react';
import type { SummaryField, SummaryValue } from './describe-action.js';
import { MfaSummaryAddress } from './summary-address.js';
import { MfaVisibleText } from './mfa-visible-text.js';

/** Label–value rows; the building block of every summary. */
export function MfaSummaryRows({ rows }: { rows: Array<[label: string, value: ReactNode] | false | undefined> }) {
  return (
    <dl className="mfa-summary-rows">
      {rows.map((row) =>
        row ? (
          <div key={row[0]} className="mfa-summary-row">
            <dt>{row[0]}</dt>
            <dd>{row[1]}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}

/** Fields of a struct as a list; nested structs and arrays indent one level each. */
export function MfaSummaryFields({ fields }: { fields: SummaryField[] }) {
  return (
    <ul className="mfa-summary-fields">
      {fields.map((field, index) => (
        <li key={`${field.name}-${index}`}>
          <span className="mfa-field-name">
            {field.name ? <MfaVisibleText text={field.name} /> : null}
            {field.type ? <span className="mfa-field-type"> ({field.type})</span> : null}
          </span>
          <MfaSummaryValue value={field.value} />
        </li>
      ))}
    </ul>
  );
}

function MfaSummaryValue({ value }: { value: SummaryValue }) {
  switch (value.kind) {
    case 'address':
      return <MfaSummaryAddress address={value.address} />;
    case 'text':
      return <MfaVisibleText text={value.text} />;
    case 'struct':
      return <MfaSummaryFields fields={value.fields} />;
    case 'list':
      return <MfaSummaryFields fields={value.items.map((item, index) => ({ name: `[${index}]`, value: item }))} />;
  }
}
