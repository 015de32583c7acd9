/**
 * Every way `decide` can say no. A refusal is a value with a code a program can branch on and a
 * message a person can act on; the API maps each code in one place.
 */
export type ComplaintRefusalCode =
  | 'INVALID_COMMAND'
  | 'COMPLAINT_NOT_FOUND'
  | 'COMPLAINT_ALREADY_LOGGED'
  | 'COMPLAINT_NOT_OPEN'
  | 'EVENT_IN_FUTURE'
  | 'EVENT_BEFORE_PREVIOUS'
  | 'RECEIVED_IN_FUTURE'
  | 'REPRESENTATIVE_WITHOUT_CONSENT'
  | 'COMPLAINT_ALREADY_ACKNOWLEDGED'
  | 'COMPLAINT_NOT_ACKNOWLEDGED'
  | 'COMPLAINT_ALREADY_RESPONDED'
  | 'EXTENSION_AFTER_RESPONSE'
  | 'EXTENSION_OVER_POLICY_MAXIMUM'
  | 'ESCALATION_BEFORE_RESPONSE'
  | 'NO_FURTHER_STAGE'
  | 'ESCALATION_REASON_REQUIRED'
  | 'ESCALATION_OUT_OF_TIME'
  | 'STAGE2_HANDLER_NOT_INDEPENDENT'
  | 'ACTION_ALREADY_EXISTS'
  | 'ACTION_NOT_FOUND'
  | 'ACTION_ALREADY_COMPLETED'
  | 'ACTIONS_BEFORE_RESPONSE'
  | 'CLOSE_BEFORE_RESPONSE'
  | 'CLOSE_WITH_OPEN_ACTIONS'
  | 'AUTO_CLOSE_NOT_DUE'
  | 'REFUSAL_AFTER_RESPONSE'
  | 'ALREADY_REFERRED_TO_OMBUDSMAN';

export interface ComplaintRefusal {
  readonly code: ComplaintRefusalCode;
  readonly message: string;
  /** The field at fault, for INVALID_COMMAND and the like. */
  readonly field?: string;
}
