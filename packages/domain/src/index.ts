// The public face of @redress/domain. Everything a caller needs comes from here.

export type * from './calendar/calendar.types.js';
export { DIVISIONS } from './calendar/calendar.types.js';
export { createCalendar } from './calendar/calendar.js';
export {
  localDateOf,
  isLocalDate,
  addCalendarDays,
  dayOfWeek,
  formatLocalDate,
} from './calendar/local-date.js';
export { SHIPPED_BANK_HOLIDAYS } from './calendar/bank-holidays.js';
export { bankHolidaysByRule } from './calendar/holiday-rules.js';
export { parseBankHolidays } from './calendar/parse-bank-holidays.js';
export {
  SUPPORTED_DATES,
  isSupportedDate,
  isSupportedInstant,
  unsupportedDateMessage,
} from './calendar/supported-dates.js';

export type * from './policies/policy.types.js';
export { CODE_2024, PRESETS, presetById } from './policies/presets.js';
export { validatePolicy } from './policies/validate-policy.js';
export { derivePolicy, type PolicyChanges } from './policies/derive-policy.js';
export { checkAgainstCode } from './policies/check-against-code.js';
export { calendarForPolicy } from './policies/calendar-for-policy.js';
export { CODE_REFUSAL_REASONS, refusalReasonsOf } from './policies/policy-defaults.js';

export type * from './complaints/complaint.types.js';
export type * from './complaints/complaint.refusals.js';
export {
  decide,
  MAX_EXTENSION_WORKING_DAYS,
  MAX_STAGE_EXTENSION_WORKING_DAYS,
} from './complaints/decide.js';
export { evolve, replay } from './complaints/evolve.js';
export {
  allowedSteps,
  COMPLAINT_STEPS,
  STEP_LABELS,
  type AllowedStepsContext,
  type ComplaintStep,
} from './complaints/allowed-steps.js';
export { escalationWindowEndsOn, autoCloseDueOn } from './complaints/closing-windows.js';
export { ENDED_STATUSES, isEnded } from './complaints/status.js';
export { upgradeState, type OlderComplaintState } from './complaints/state-upgrade.js';
export { MIN_REASON_LENGTH } from './complaints/decision.js';
export {
  isSatisfactionScore,
  SATISFACTION_SCORE_MAX,
  SATISFACTION_SCORE_MIN,
} from './complaints/steps/record-satisfaction.js';
export { MAX_STAGE2_REVIEWERS } from './complaints/steps/record-stage-2-reviewers.js';
export {
  homeRelation,
  parseHome,
  type Home,
  type HomeRelation,
} from './complaints/home-address.js';
export * from './complaints/labels.js';

export type * from './deadlines/deadline.types.js';
export { deriveDeadlines, MAX_EXPLANATION_LENGTH } from './deadlines/derive-deadlines.js';
export {
  deadlineStatus,
  deadlineStatusOn,
  type DeadlineDates,
} from './deadlines/deadline-status.js';
export { nextDeadline, type NextDeadlineCandidate } from './deadlines/next-deadline.js';
export { alertLevel, type AlertLevel } from './deadlines/alert-level.js';

export * from './metrics/index.js';
export * from './letters/index.js';
export * from './notes/index.js';
export * from './personal/index.js';

export type * from './feedback/feedback.types.js';
export { recordFeedback, convertServiceRequest } from './feedback/feedback.js';

export type { Result } from './shared/result.js';
export { ok, err } from './shared/result.js';

export {
  ROLES,
  API_KEY_SCOPES,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  SCOPE_PERMISSIONS,
  permissionsOfRole,
  permissionsOfScopes,
  scopeAdmits,
  type Role,
  type ApiKeyScope,
  type Permission,
  type ComplaintScope,
  type ComplaintPlacement,
} from './access/access.js';
