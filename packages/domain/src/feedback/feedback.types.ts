import type { Channel, Instant } from '../complaints/complaint.types.js';

/**
 * Feedback that is not a complaint but is recorded and reported: a service request (a request to
 * put something right, Code 1.4), a compliment or a suggestion (seed 001). None has deadlines.
 */
export type FeedbackKind = 'service-request' | 'compliment' | 'suggestion';

/** What the caller gives to record a piece of feedback. */
export interface RecordFeedbackInput {
  /** Chosen by the caller, like a complaint's id: the domain makes no ids. */
  readonly id: string;
  readonly kind: FeedbackKind;
  readonly receivedAt: Instant;
  readonly channel: Channel;
  /** The person's name; null for anonymous compliments and suggestions. */
  readonly from: string | null;
  readonly summary: string;
  /** The service it is about, e.g. "repairs", as for complaints. */
  readonly category: string;
}

export interface FeedbackRecord {
  readonly id: string;
  readonly kind: FeedbackKind;
  readonly receivedAt: Instant;
  /** When it was recorded, which may be later than received. */
  readonly recordedAt: Instant;
  readonly channel: Channel;
  readonly from: string | null;
  readonly summary: string;
  readonly category: string;
  /**
   * The complaint a service request became when the resident was unhappy with the response
   * (Code 1.5). The request carries on in parallel, so it keeps its own record and this link.
   */
  readonly convertedToComplaintId: string | null;
  readonly convertedAt: Instant | null;
}

/** What `recordFeedback` and `convertServiceRequest` need besides their input. */
export interface FeedbackContext {
  /** The present instant, from the caller: the domain never reads the clock. */
  readonly now: Instant;
}

export type FeedbackRefusalCode =
  | 'INVALID_FEEDBACK'
  | 'RECEIVED_IN_FUTURE'
  | 'NOT_A_SERVICE_REQUEST'
  | 'SERVICE_REQUEST_ALREADY_CONVERTED'
  | 'CONVERSION_BEFORE_RECEIPT';

/** Why feedback was not recorded or converted: a code to branch on, a message to act on. */
export interface FeedbackRefusal {
  readonly code: FeedbackRefusalCode;
  readonly message: string;
  /** The field at fault, for INVALID_FEEDBACK. */
  readonly field?: string;
}
