// Who a subject access request is about, from the body an admin sends, and the resident keys
// that find their cases (the domain's `residentKeyOf`, one key for each detail given).
import { residentKeyOf } from '@redress/domain';
import { residentKeyHash } from '../complaints/measure-columns.js';
import { BadUserInputError } from '../errors/app-errors.js';

export interface PersonQuery {
  readonly email?: string;
  readonly phone?: string;
  readonly name?: string;
  readonly address?: string;
}

const FIELDS = ['email', 'phone', 'name', 'address'] as const;
/** Longer than any real detail; it stops a pasted document, not a person. */
export const MAX_DETAIL_LENGTH = 500;

const GIVE =
  'Name the person by an email, a phone number, or a name with an address, as the cases record them: {"email": "jordan@example.org"}, say.';

/** The request body, checked: a coded refusal that says what to give otherwise. */
export function parsePersonQuery(body: unknown): PersonQuery {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadUserInputError(`The body is not a JSON object. ${GIVE}`, 'body');
  }
  const given = new Map<string, unknown>(Object.entries(body));
  for (const key of given.keys()) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      throw new BadUserInputError(
        `"${key}" is not a detail a person is found by: give email, phone, name or address.`,
        key,
      );
    }
  }
  const query: { -readonly [K in keyof PersonQuery]: string } = {};
  for (const field of FIELDS) {
    const value = given.get(field);
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      throw new BadUserInputError(`${field} must be text.`, field);
    }
    const text = value.trim();
    if (text === '') continue;
    if ([...text].length > MAX_DETAIL_LENGTH) {
      throw new BadUserInputError(
        `${field} is longer than ${MAX_DETAIL_LENGTH} characters.`,
        field,
      );
    }
    query[field] = text;
  }
  if (query.address !== undefined && query.name === undefined) {
    throw new BadUserInputError(
      'An address alone finds nobody: give the name with it (cases are matched on the name and address together), or an email or phone number.',
      'name',
    );
  }
  if (query.email === undefined && query.phone === undefined && query.name === undefined) {
    throw new BadUserInputError(`No detail of the person was given. ${GIVE}`, 'email');
  }
  if (query.phone !== undefined && !/\d/.test(query.phone)) {
    throw new BadUserInputError('phone has no digits in it.', 'phone');
  }
  return query;
}

/**
 * The hashes of the resident keys the person's cases carry: one per detail given, because a
 * case keys its complainant by the strongest detail it holds (email, else phone, else name and
 * address) and the admin may know another one.
 */
export function residentKeyHashesOf(query: PersonQuery): string[] {
  const keys = new Set<string>();
  if (query.email) keys.add(residentKeyOf({ name: '', type: 'tenant', email: query.email }));
  if (query.phone) keys.add(residentKeyOf({ name: '', type: 'tenant', phone: query.phone }));
  if (query.name) {
    keys.add(residentKeyOf({ name: query.name, type: 'tenant', address: query.address ?? null }));
  }
  return [...keys].map(residentKeyHash);
}

/** "email jordan@example.org, phone 07700 900123": the person as the bundle names them. */
export function describePerson(query: PersonQuery): string {
  return FIELDS.filter((field) => query[field] !== undefined)
    .map((field) => `${field} ${query[field]}`)
    .join(', ');
}
