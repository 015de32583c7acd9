/** Feedback kinds by the API's FeedbackKind names, as a person reads them. */
export const FEEDBACK_KIND_CHOICES: { id: string; name: string }[] = [
  { id: 'COMPLIMENT', name: 'Compliment' },
  { id: 'SUGGESTION', name: 'Suggestion' },
  { id: 'SERVICE_REQUEST', name: 'Service request' },
];

/** How feedback reached the landlord, by the API's Channel names, as the API describes each. */
export const CHANNEL_CHOICES: { id: string; name: string }[] = [
  { id: 'PHONE', name: 'Phone' },
  { id: 'EMAIL', name: 'Email' },
  { id: 'ONLINE', name: 'Online form or My Account' },
  { id: 'LETTER', name: 'Letter' },
  { id: 'IN_PERSON', name: 'In person' },
  { id: 'SOCIAL_MEDIA', name: 'Social media' },
  { id: 'REPRESENTATIVE', name: 'Through a representative' },
  { id: 'ELECTED_MEMBER', name: 'Through an elected member' },
];

/** The name of a choice by its id; the id itself for one this console does not know yet. */
export function labelOf(
  choices: readonly { readonly id: string; readonly name: string }[],
  id: unknown,
): string {
  return choices.find((choice) => choice.id === id)?.name ?? String(id ?? '');
}
