import { describe, expect, it } from 'vitest';
import { convertServiceRequest, recordFeedback } from './feedback.js';
import type { FeedbackRecord, RecordFeedbackInput } from './feedback.types.js';

const now = '2026-11-06T15:00:00Z';

const repair: RecordFeedbackInput = {
  id: 'fb-1',
  kind: 'service-request',
  receivedAt: '2026-11-06T09:30:00Z',
  channel: 'phone',
  from: ' Amina Okafor ',
  summary: ' Kitchen tap leaking ',
  category: 'repairs',
};

function recorded(input: RecordFeedbackInput = repair): FeedbackRecord {
  const result = recordFeedback(input, { now });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('recordFeedback', () => {
  it('records a service request, trimmed, unconverted, stamped with when it was recorded', () => {
    expect(recordFeedback(repair, { now })).toEqual({
      ok: true,
      value: {
        id: 'fb-1',
        kind: 'service-request',
        receivedAt: '2026-11-06T09:30:00Z',
        recordedAt: now,
        channel: 'phone',
        from: 'Amina Okafor',
        summary: 'Kitchen tap leaking',
        category: 'repairs',
        convertedToComplaintId: null,
        convertedAt: null,
      },
    });
  });

  it.each([
    ['compliment', { kind: 'compliment', from: null, summary: 'Thanks to the gas engineer' }],
    ['suggestion', { kind: 'suggestion', from: '', summary: 'Text me before visits' }],
  ] as const)('records an anonymous %s', (_kind, changes) => {
    const result = recordFeedback({ ...repair, ...changes }, { now });
    expect(result.ok && [result.value.kind, result.value.from]).toEqual([changes.kind, null]);
  });

  it('accepts feedback received at the very instant it is recorded, in another offset', () => {
    expect(recordFeedback({ ...repair, receivedAt: '2026-11-06T15:00:00+00:00' }, { now }).ok).toBe(
      true,
    );
  });

  it.each<[string, Partial<RecordFeedbackInput>, string, string]>([
    ['an empty summary', { summary: '   ' }, 'INVALID_FEEDBACK', 'summary'],
    ['an empty category', { category: '' }, 'INVALID_FEEDBACK', 'category'],
    ['an empty id', { id: '' }, 'INVALID_FEEDBACK', 'id'],
    ['a service request from nobody', { from: null }, 'INVALID_FEEDBACK', 'from'],
    [
      'a date with no offset',
      { receivedAt: '2026-11-06T09:30:00' },
      'INVALID_FEEDBACK',
      'receivedAt',
    ],
    ['a date that is not one', { receivedAt: 'yesterday' }, 'INVALID_FEEDBACK', 'receivedAt'],
    [
      'a future receipt',
      { receivedAt: '2026-11-06T15:00:01Z' },
      'RECEIVED_IN_FUTURE',
      'receivedAt',
    ],
    // 16:30 in Paris is 15:30 UTC: after now, however it is written.
    [
      'a future receipt in another offset',
      { receivedAt: '2026-11-06T16:30:00+01:00' },
      'RECEIVED_IN_FUTURE',
      'receivedAt',
    ],
  ])('refuses %s', (_name, changes, code, field) => {
    const result = recordFeedback({ ...repair, ...changes }, { now });
    expect(result.ok ? null : [result.error.code, result.error.field]).toEqual([code, field]);
  });

  it.each([
    ['kind', { kind: 'complaint' }],
    ['channel', { channel: 'pigeon' }],
  ])('refuses an unknown %s with the choices', (field, changes) => {
    const input = { ...repair, ...changes } as unknown as RecordFeedbackInput;
    const result = recordFeedback(input, { now });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'INVALID_FEEDBACK', field });
    expect(result.ok ? '' : result.error.message).toMatch(/choose/);
  });

  it('says what is missing in words', () => {
    const result = recordFeedback({ ...repair, kind: 'compliment', summary: '' }, { now });
    expect(result.ok ? null : result.error.message).toBe(
      'Say in a sentence what the compliment is about.',
    );
  });
});

describe('convertServiceRequest', () => {
  const later = { now: '2026-11-20T10:00:00Z' };

  it('links the service request to its complaint, keeping the record', () => {
    const request = recorded();
    expect(convertServiceRequest(request, 'c-42', later)).toEqual({
      ok: true,
      value: { ...request, convertedToComplaintId: 'c-42', convertedAt: later.now },
    });
  });

  it('converts a service request once only', () => {
    const once = convertServiceRequest(recorded(), 'c-42', later);
    if (!once.ok) throw new Error('first conversion refused');
    expect(convertServiceRequest(once.value, 'c-43', later)).toEqual({
      ok: false,
      error: {
        code: 'SERVICE_REQUEST_ALREADY_CONVERTED',
        message: 'This service request already became complaint c-42.',
      },
    });
  });

  it.each(['compliment', 'suggestion'] as const)('refuses to convert a %s', (kind) => {
    const result = convertServiceRequest(recorded({ ...repair, kind }), 'c-42', later);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'NOT_A_SERVICE_REQUEST',
        message: `Only a service request can become a complaint; this is a ${kind}.`,
      },
    });
  });

  it('refuses an empty complaint id', () => {
    const result = convertServiceRequest(recorded(), ' ', later);
    expect(result.ok ? null : [result.error.code, result.error.field]).toEqual([
      'INVALID_FEEDBACK',
      'complaintId',
    ]);
  });

  it('refuses a conversion dated before the request was received', () => {
    const result = convertServiceRequest(recorded(), 'c-42', { now: '2026-11-06T09:00:00Z' });
    expect(result.ok ? null : result.error.code).toBe('CONVERSION_BEFORE_RECEIPT');
  });
});
