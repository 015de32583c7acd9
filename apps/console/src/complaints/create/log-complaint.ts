// Logging a complaint: the form's fields, named as the API's input names them (so its field
// errors land on them), and the mutation: logComplaint, or convertServiceRequest when the
// complaint comes from a service request (Code 1.5).
import {
  CHANNELS,
  COMPLAINANT_TYPES,
  CONTACT_METHODS,
  REPRESENTATIVE_ROLES,
  TENURES,
} from '../steps/choices';
import type { FieldSpec, FormValues } from '../steps/step-form.types';

export const LOG_COMPLAINT = /* GraphQL */ `
  mutation LogComplaint($input: LogComplaintInput!, $idempotencyKey: String) {
    logComplaint(input: $input, idempotencyKey: $idempotencyKey) {
      id
      reference
    }
  }
`;

export const CONVERT_SERVICE_REQUEST = /* GraphQL */ `
  mutation ConvertServiceRequest($id: ID!, $input: LogComplaintInput!, $idempotencyKey: String) {
    convertServiceRequest(id: $id, input: $input, idempotencyKey: $idempotencyKey) {
      id
      reference
    }
  }
`;

export const POLICY_CHOICES_QUERY = /* GraphQL */ `
  query PolicyChoices {
    policies {
      id
      name
    }
  }
`;

export interface FieldGroup {
  readonly title: string;
  readonly fields: readonly FieldSpec[];
}

export const LOG_FIELDS: readonly FieldGroup[] = [
  {
    title: 'The complaint',
    fields: [
      { name: 'channel', label: 'Channel', kind: 'select', required: true, choices: CHANNELS },
      {
        name: 'receivedOn',
        label: 'Received on',
        kind: 'date',
        required: true,
        initial: (_c, today) => today,
      },
      {
        name: 'receivedTime',
        label: 'Received at (UK time)',
        kind: 'text',
        helperText: 'HH:MM; left empty, 09:00.',
      },
      {
        name: 'summary',
        label: 'Summary, in the resident’s words',
        kind: 'multiline',
        required: true,
      },
      { name: 'desiredOutcome', label: 'Outcome the resident seeks', kind: 'multiline' },
      {
        name: 'category',
        label: 'Category',
        kind: 'text',
        required: true,
        helperText: 'For example repairs, damp and mould, anti-social behaviour.',
      },
      { name: 'tenure', label: 'Tenure', kind: 'select', required: true, choices: TENURES },
      { name: 'policyId', label: 'Policy', kind: 'select', helperText: 'Left empty: the Code.' },
      {
        name: 'serviceRequestId',
        label: 'Service request it converts (id)',
        kind: 'text',
        helperText: 'Fill in only when converting a service request into a complaint.',
      },
    ],
  },
  {
    title: 'The resident',
    fields: [
      { name: 'complainant.name', label: 'Name', kind: 'text', required: true },
      {
        name: 'complainant.type',
        label: 'Who they are',
        kind: 'select',
        required: true,
        choices: COMPLAINANT_TYPES,
        initial: () => 'TENANT',
      },
      { name: 'complainant.email', label: 'Email', kind: 'text' },
      { name: 'complainant.phone', label: 'Phone', kind: 'text' },
      { name: 'complainant.address', label: 'Address', kind: 'multiline' },
      {
        name: 'complainant.preferredContact',
        label: 'Contact preference',
        kind: 'select',
        choices: CONTACT_METHODS,
      },
      { name: 'complainant.language', label: 'Language', kind: 'text' },
      {
        name: 'complainant.format',
        label: 'Format (large print, Braille, easy read…)',
        kind: 'text',
      },
      { name: 'complainant.adjustments', label: 'Reasonable adjustments', kind: 'multiline' },
      { name: 'complainant.vulnerable', label: 'Vulnerable: needs extra care', kind: 'checkbox' },
    ],
  },
  {
    title: 'A representative, if one acts for them',
    fields: [
      { name: 'representative.name', label: 'Representative’s name', kind: 'text' },
      { name: 'representative.role', label: 'Role', kind: 'select', choices: REPRESENTATIVE_ROLES },
      { name: 'representative.contact', label: 'Representative’s contact', kind: 'text' },
      {
        name: 'representative.consentGiven',
        label: 'The resident consented to them acting',
        kind: 'checkbox',
      },
      { name: 'representative.consentRecordedOn', label: 'Consent recorded on', kind: 'date' },
    ],
  },
];

export const LOG_FIELD_NAMES = LOG_FIELDS.flatMap((g) => g.fields.map((f) => f.name));

function text(values: FormValues, name: string): string | null {
  const value = values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The offset of UK time from UTC on an instant, in minutes (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: Date): number {
  const part = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    timeZoneName: 'shortOffset',
  })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d+)?(?::(\d+))?/.exec(part ?? '');
  const hours = Number(match?.[1] ?? 0);
  return hours * 60 + Math.sign(hours) * Number(match?.[2] ?? 0);
}

/** A day and a UK wall-clock time as an instant: `2026-07-01`, `09:30` → `2026-07-01T08:30:00.000Z`. */
export function londonInstant(day: string, time: string | null): string {
  const clock = time && /^\d{1,2}:\d{2}$/.test(time) ? time.padStart(5, '0') : '09:00';
  const asUtc = new Date(`${day}T${clock}:00Z`);
  return new Date(asUtc.getTime() - londonOffsetMinutes(asUtc) * 60_000).toISOString();
}

/** The form's values as LogComplaintInput, and the service request it converts, if any. */
export function logVariables(values: FormValues): {
  readonly input: Record<string, unknown>;
  readonly serviceRequestId: string | null;
} {
  const complainant = Object.fromEntries(
    [
      'name',
      'type',
      'email',
      'phone',
      'address',
      'preferredContact',
      'language',
      'format',
      'adjustments',
    ].map((key) => [key, text(values, `complainant.${key}`)]),
  );
  const representativeName = text(values, 'representative.name');
  const receivedOn = text(values, 'receivedOn') ?? '';
  return {
    serviceRequestId: text(values, 'serviceRequestId'),
    input: {
      channel: text(values, 'channel'),
      receivedAt: londonInstant(receivedOn, text(values, 'receivedTime')),
      summary: text(values, 'summary'),
      desiredOutcome: text(values, 'desiredOutcome'),
      category: text(values, 'category'),
      tenure: text(values, 'tenure'),
      policyId: text(values, 'policyId'),
      complainant: { ...complainant, vulnerable: values['complainant.vulnerable'] === true },
      representative: representativeName
        ? {
            name: representativeName,
            role: text(values, 'representative.role') ?? 'OTHER',
            contact: text(values, 'representative.contact'),
            consentGiven: values['representative.consentGiven'] === true,
            consentRecordedOn: text(values, 'representative.consentRecordedOn'),
          }
        : null,
    },
  };
}
