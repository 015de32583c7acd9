import { DIVISIONS } from '@redress/domain';
import { registerDomainEnum } from '../scalars/graphql-enum.js';

export const DivisionEnum = registerDomainEnum(
  DIVISIONS,
  'Division',
  "A bank-holiday division of the UK, as in GOV.UK's bank-holidays.json.",
);
