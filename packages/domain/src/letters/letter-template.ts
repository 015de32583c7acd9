// A landlord's wording, logo and signature. The template fills the parts that are the
// landlord's to say (how to escalate, the Ombudsman's details); the case supplies the facts.
import type { LetterKind } from './letter-parts.js';

export interface LetterTemplate {
  readonly landlordName: string;
  /** A PNG or JPEG as a data URL, or null for none. */
  readonly logoDataUrl: string | null;
  readonly signatureName: string;
  readonly signatureRole: string;
  /** The Housing Ombudsman's contact details, as the letter gives them. */
  readonly ombudsmanContact: string;
  /** The Local Government and Social Care Ombudsman's, for complaints it handles. */
  readonly lgscoContact: string;
  /** How to ask for stage 2, in the landlord's words. */
  readonly escalationHowTo: string;
  readonly wording?: Readonly<
    Partial<Record<LetterKind, { readonly opening: string; readonly closing: string }>>
  >;
}

export const DEFAULT_LETTER_TEMPLATE: LetterTemplate = {
  landlordName: 'Your landlord',
  logoDataUrl: null,
  signatureName: 'Complaints team',
  signatureRole: 'Complaints team',
  ombudsmanContact:
    'Housing Ombudsman Service, PO Box 1484, Unit D, Preston, PR2 0ET. Telephone 0300 111 3000. ' +
    'Website www.housing-ombudsman.org.uk. You can contact the Ombudsman at any time.',
  lgscoContact:
    'Local Government and Social Care Ombudsman, PO Box 4771, Coventry, CV4 0EH. ' +
    'Telephone 0300 061 0614. Website www.lgo.org.uk.',
  escalationHowTo:
    'If you are not satisfied with this response, you can ask us to look at your complaint ' +
    'again at stage 2. Tell us by phone, email or letter; you do not need to give reasons.',
};

export const DEFAULT_WORDING: Readonly<Record<LetterKind, { opening: string; closing: string }>> = {
  acknowledgement: {
    opening: 'Thank you for your complaint. This letter confirms we have received it.',
    closing: 'Please tell us if we have misunderstood your complaint.',
  },
  extension: {
    opening: 'We are writing because we need more time to reply to your complaint.',
    closing: 'We are sorry for the delay.',
  },
  response: {
    opening: 'We have finished looking into your complaint. This letter gives our decision.',
    closing: 'Thank you for raising this with us.',
  },
  'acceptance-refusal': {
    opening: 'We have considered your complaint and cannot take it through our procedure.',
    closing: 'If you think we are wrong, please tell us.',
  },
  'escalation-refusal': {
    opening: 'You asked us to look at your complaint again at stage 2.',
    closing: 'If you think we are wrong, please tell us.',
  },
};
