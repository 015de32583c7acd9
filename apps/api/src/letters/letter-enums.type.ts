import { LETTER_KINDS, LETTER_PARTS } from '@redress/domain';
import { registerDomainEnum } from '../scalars/graphql-enum.js';
import type { LetterDelivery } from './letter.repository.js';

export const LetterKindEnum = registerDomainEnum(
  LETTER_KINDS,
  'LetterKind',
  'A letter the Code expects a landlord to send: an acknowledgement, an extension, a response (stage 1 or 2), a refusal to accept a complaint or to take it to stage 2.',
  {
    acknowledgement: 'The complaint acknowledged, as the landlord understands it (Code 5.6).',
    extension: 'More time to reply, with the reasons and the new date (Code 6.4, 6.15).',
    response: 'The decision on the complaint at a stage (Code 6.9, 6.19).',
    'acceptance-refusal':
      'The complaint not taken through the procedure, with the reason (Code 2.4).',
    'escalation-refusal': 'A request for stage 2 refused, with the reason (Code 5.11, 2.4).',
  },
);

export const LetterPartEnum = registerDomainEnum(
  LETTER_PARTS,
  'LetterPart',
  'A part a letter must carry; requiredParts in the domain gives each kind its list and clauses.',
);

const DELIVERIES = ['EMAIL_QUEUED', 'SENT', 'FAILED', 'AWAITING_POST', 'POSTED'] as const;
export const LetterDeliveryEnum = registerDomainEnum<LetterDelivery>(
  DELIVERIES,
  'LetterDelivery',
  'Where a letter is on its way to the resident.',
  {
    EMAIL_QUEUED: 'Waiting to be emailed, or to be tried again after a failed attempt.',
    SENT: "Taken by the mail server for the resident's address.",
    FAILED:
      'Every attempt to email it failed: send it again (retryLetterDelivery) or post it (markLetterPosted).',
    AWAITING_POST: 'Issued for post: mark it as posted once it is in the post.',
    POSTED: 'Put in the post.',
  },
);

export const DeliveryMethodEnum = registerDomainEnum(
  ['EMAIL', 'POST'] as const,
  'LetterDeliveryMethod',
  'How an issued letter goes to the resident.',
  {
    EMAIL: "By email to the resident's address, with the letter attached as a PDF.",
    POST: 'By post: printed from its PDF, then marked as posted.',
  },
);
