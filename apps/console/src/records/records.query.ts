// The residents' records page's reads: a person's cases (GraphQL, the details in the POSTed
// variables) and the subject access export (POST /records/subject-access, the details in the
// body): never in a URL.
import { graphqlRequest } from '../shared/graphql-client';
import { fetchFileFor, saveBlob } from '../shared/file-transfer';

export interface Person {
  readonly email: string;
  readonly phone: string;
  readonly name: string;
  readonly address: string;
}

export const NO_PERSON: Person = { email: '', phone: '', name: '', address: '' };

export interface PersonCase {
  readonly id: string;
  readonly reference: string;
  readonly receivedAt: string;
  readonly status: string;
  readonly statusLabel: string;
  /** When it ended; null while open. */
  readonly closedAt: string | null;
  readonly anonymisedAt: string | null;
}

export const CASES_OF_PERSON = `query CasesOfPerson($person: PersonInput!) {
  casesOfPerson(person: $person) { id reference receivedAt status statusLabel closedAt anonymisedAt }
}`;

/** The details given, trimmed; the empty ones left out, as the API expects. */
export function personDetails(person: Person): Partial<Person> {
  const details: Partial<Record<keyof Person, string>> = {};
  for (const key of ['email', 'phone', 'name', 'address'] as const) {
    const value = person[key].trim();
    if (value !== '') details[key] = value;
  }
  return details;
}

export async function findCases(person: Person): Promise<readonly PersonCase[]> {
  const data = await graphqlRequest<{ casesOfPerson: PersonCase[] }>(CASES_OF_PERSON, {
    person: personDetails(person),
  });
  return data.casesOfPerson;
}

export type ExportFormat = 'pdf' | 'json';

/** Fetches everything held about the person and saves it (recorded in the security log). */
export async function downloadEverythingHeld(person: Person, format: ExportFormat): Promise<void> {
  const blob = await fetchFileFor(
    `/records/subject-access?format=${format}`,
    personDetails(person),
  );
  saveBlob(blob, `subject-access-${new Date().toISOString().slice(0, 10)}.${format}`);
}
