import type { Channel, Instant } from '../complaints/complaint.types.js';
import type { Result } from '../shared/result.js';
import { err, ok } from '../shared/result.js';
import type {
  FeedbackContext,
  FeedbackKind,
  FeedbackRecord,
  FeedbackRefusal,
  RecordFeedbackInput,
} from './feedback.types.js';

// Records, not lists, so that a new kind or channel in the types fails to compile here.
const KINDS: Record<FeedbackKind, string> = {
  'service-request': 'service request',
  compliment: 'compliment',
  suggestion: 'suggestion',
};
const CHANNELS: Record<Channel, true> = {
  phone: true,
  email: true,
  online: true,
  letter: true,
  'in-person': true,
  'social-media': true,
  representative: true,
  'elected-member': true,
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Records a service request, compliment or suggestion, or says what to correct first. */
export function recordFeedback(
  input: RecordFeedbackInput,
  context: FeedbackContext,
): Result<FeedbackRecord, FeedbackRefusal> {
  if (!isFilled(input.id)) return invalid('id', 'Give the feedback an id.');
  if (!Object.hasOwn(KINDS, input.kind)) {
    return invalid(
      'kind',
      `Unknown kind "${String(input.kind)}"; choose service-request, compliment or suggestion.`,
    );
  }
  if (!Object.hasOwn(CHANNELS, input.channel)) {
    return invalid(
      'channel',
      `Unknown channel "${String(input.channel)}"; choose one of ${Object.keys(CHANNELS).join(', ')}.`,
    );
  }
  const received = instantTime(input.receivedAt);
  if (received === null) {
    return invalid(
      'receivedAt',
      `"${String(input.receivedAt)}" is not a date and time; write it like 2026-11-06T09:30:00Z.`,
    );
  }
  const now = instantTime(context.now);
  if (now !== null && received > now) {
    return err({
      code: 'RECEIVED_IN_FUTURE',
      message: `Received at ${input.receivedAt} is in the future; check the date and time.`,
      field: 'receivedAt',
    });
  }
  // Someone must be answered about a service request, and it may become their complaint.
  if (input.kind === 'service-request' && !isFilled(input.from)) {
    return invalid('from', 'Give the name of the person who made the service request.');
  }
  if (input.from !== null && typeof input.from !== 'string') {
    return invalid('from', 'The name must be text, or null for anonymous feedback.');
  }
  if (!isFilled(input.summary)) {
    return invalid('summary', `Say in a sentence what the ${KINDS[input.kind]} is about.`);
  }
  if (!isFilled(input.category)) {
    return invalid('category', 'Give the service it is about, e.g. "repairs".');
  }

  return ok({
    id: input.id,
    kind: input.kind,
    receivedAt: input.receivedAt,
    recordedAt: context.now,
    channel: input.channel,
    from: input.from === null || input.from.trim() === '' ? null : input.from.trim(),
    summary: input.summary.trim(),
    category: input.category.trim(),
    convertedToComplaintId: null,
    convertedAt: null,
  });
}

/**
 * Links a service request to the complaint it became (Code 1.5). Once only: a second complaint
 * about the same request is a separate matter, not a second conversion.
 */
export function convertServiceRequest(
  record: FeedbackRecord,
  complaintId: string,
  context: FeedbackContext,
): Result<FeedbackRecord, FeedbackRefusal> {
  if (record.kind !== 'service-request') {
    return err({
      code: 'NOT_A_SERVICE_REQUEST',
      message: `Only a service request can become a complaint; this is a ${KINDS[record.kind]}.`,
    });
  }
  if (record.convertedToComplaintId !== null) {
    return err({
      code: 'SERVICE_REQUEST_ALREADY_CONVERTED',
      message: `This service request already became complaint ${record.convertedToComplaintId}.`,
    });
  }
  if (!isFilled(complaintId)) {
    return invalid('complaintId', 'Give the id of the complaint the service request became.');
  }
  const received = instantTime(record.receivedAt);
  const now = instantTime(context.now);
  if (received !== null && now !== null && now < received) {
    return err({
      code: 'CONVERSION_BEFORE_RECEIPT',
      message: `The service request was received at ${record.receivedAt}, after ${context.now}; check the clock.`,
    });
  }
  return ok({ ...record, convertedToComplaintId: complaintId, convertedAt: context.now });
}

function invalid(field: string, message: string): Result<never, FeedbackRefusal> {
  return err({ code: 'INVALID_FEEDBACK', message, field });
}

function isFilled(value: string | null): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Milliseconds since the epoch for an ISO 8601 instant with an offset, or null. */
function instantTime(value: Instant): number | null {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}
