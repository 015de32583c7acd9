import {
  CHANNEL_LABELS,
  CHANNELS,
  CLOSE_REASON_LABELS,
  CLOSE_REASONS,
  COMPLAINANT_TYPE_LABELS,
  COMPLAINANT_TYPES,
  COMPLAINT_STATUSES,
  CONTACT_METHOD_LABELS,
  CONTACT_METHODS,
  ESCALATION_REFUSAL_REASON_LABELS,
  ESCALATION_REFUSAL_REASONS,
  OUTCOME_LABELS,
  OUTCOMES,
  REFUSAL_REASON_LABELS,
  REFUSAL_REASONS,
  REMEDY_KINDS,
  REMEDY_LABELS,
  REPRESENTATIVE_ROLE_LABELS,
  REPRESENTATIVE_ROLES,
  STATUS_LABELS,
  TENURE_LABELS,
  TENURES,
} from '@redress/domain';
import { registerDomainEnum } from '../scalars/graphql-enum.js';

// Each enum is built from the domain's list of values and described with the domain's labels, so
// a value added to the domain appears here without being typed again.

export const ComplaintStatusEnum = registerDomainEnum(
  COMPLAINT_STATUSES,
  'ComplaintStatus',
  'Where a complaint is in its life.',
  STATUS_LABELS,
);
export const ChannelEnum = registerDomainEnum(
  CHANNELS,
  'Channel',
  'How a complaint or feedback reached the landlord.',
  CHANNEL_LABELS,
);
export const TenureEnum = registerDomainEnum(
  TENURES,
  'Tenure',
  'The tenure of the home, as the Tenant Satisfaction Measures report it.',
  TENURE_LABELS,
);
export const ComplainantTypeEnum = registerDomainEnum(
  COMPLAINANT_TYPES,
  'ComplainantType',
  'Who is complaining.',
  COMPLAINANT_TYPE_LABELS,
);
export const ContactMethodEnum = registerDomainEnum(
  CONTACT_METHODS,
  'ContactMethod',
  'How the complainant prefers to be contacted.',
  CONTACT_METHOD_LABELS,
);
export const RepresentativeRoleEnum = registerDomainEnum(
  REPRESENTATIVE_ROLES,
  'RepresentativeRole',
  'Who acts for the complainant.',
  REPRESENTATIVE_ROLE_LABELS,
);
export const OutcomeEnum = registerDomainEnum(
  OUTCOMES,
  'Outcome',
  'The decision of a stage.',
  OUTCOME_LABELS,
);
export const RemedyKindEnum = registerDomainEnum(
  REMEDY_KINDS,
  'RemedyKind',
  'A way of putting things right (Code 7.1).',
  REMEDY_LABELS,
);
export const RefusalReasonEnum = registerDomainEnum(
  REFUSAL_REASONS,
  'RefusalReason',
  'A valid reason not to take a complaint into the procedure (Code 2.1–2.4).',
  REFUSAL_REASON_LABELS,
);
export const CloseReasonEnum = registerDomainEnum(
  CLOSE_REASONS,
  'CloseReason',
  'Why a complaint was closed.',
  CLOSE_REASON_LABELS,
);

export const EscalationRefusalReasonEnum = registerDomainEnum(
  ESCALATION_REFUSAL_REASONS,
  'EscalationRefusalReason',
  "A valid reason not to take a complaint to stage 2 (Code 5.11: a reason under section 2), or a request made after the policy's time for asking.",
  ESCALATION_REFUSAL_REASON_LABELS,
);
