// Anonymising a resident (UK GDPR erasure) as the console asks the API for it, and what it tells
// the person who did it.

export const ANONYMISE_RESIDENT = /* GraphQL */ `
  mutation AnonymiseResident($person: PersonInput, $complaintId: ID) {
    anonymiseResident(person: $person, complaintId: $complaintId) {
      complaints {
        id
        reference
      }
      alreadyAnonymised
      letters
      notes
      attachments
    }
  }
`;

export interface AnonymisationAnswer {
  readonly anonymiseResident: {
    readonly complaints: readonly { readonly id: string; readonly reference: string }[];
    readonly alreadyAnonymised: number;
    readonly letters: number;
    readonly notes: number;
    readonly attachments: number;
  };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Anonymised 2 cases (CMP-…, CMP-…): 1 letter, 3 notes and 1 attachment." */
export function anonymisedMessage(result: AnonymisationAnswer['anonymiseResident']): string {
  if (result.complaints.length === 0) return 'No case was found for this resident.';
  const references = result.complaints.map((c) => c.reference).join(', ');
  const again = result.alreadyAnonymised > 0 ? `, ${result.alreadyAnonymised} of them again` : '';
  return (
    `Anonymised ${count(result.complaints.length, 'case')} (${references})${again}: ` +
    `${count(result.letters, 'letter')}, ${count(result.notes, 'note')} and ` +
    `${count(result.attachments, 'attachment')}.`
  );
}

/** What anonymising keeps and what it erases, as the confirmation says it. */
export const ANONYMISATION_KEEPS =
  'Each case keeps its reference, dates, stages, outcomes, remedies and amounts, and what it counts for in the measures.';
export const ANONYMISATION_ERASES =
  'Their name, contact details and adjustments, what they said and what was written about them, the letters’ texts, notes and contacts, and attachments are erased. This cannot be undone.';
