// A letter as kept once its case is anonymised: what kind it was, when and at which stage it
// was issued, and which parts it had under which clause of the Code (the record that it was
// complete); not to whom it went, nor what it said.
import type { LetterDraft } from '../letters/compose-letter.js';
import { ANONYMISED, ANONYMISED_NAME } from './personal-fields.js';

export function anonymiseLetter(draft: LetterDraft): LetterDraft {
  return {
    ...draft,
    recipient: { name: ANONYMISED_NAME, address: null, email: null },
    salutation: 'Dear resident,',
    parts: draft.parts.map((part) => ({ ...part, text: part.text === '' ? '' : ANONYMISED })),
    translateTo: null,
  };
}
