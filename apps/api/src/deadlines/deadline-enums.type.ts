import {
  DEADLINE_KIND_LABELS,
  DEADLINE_KINDS,
  DEADLINE_STATE_LABELS,
  DEADLINE_STATES,
} from '@redress/domain';
import { registerDomainEnum } from '../scalars/graphql-enum.js';

export const DeadlineKindEnum = registerDomainEnum(
  DEADLINE_KINDS,
  'DeadlineKind',
  'The step a deadline is for.',
  DEADLINE_KIND_LABELS,
);
export const DeadlineStateEnum = registerDomainEnum(
  DEADLINE_STATES,
  'DeadlineState',
  "A deadline's state at the time of asking.",
  DEADLINE_STATE_LABELS,
);
