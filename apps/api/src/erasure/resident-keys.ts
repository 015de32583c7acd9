import { residentKeyOf } from '@redress/domain';
import { BadUserInputError } from '../errors/app-errors.js';
import { residentKeyHash } from '../complaints/measure-columns.js';

/** A resident as an admin names them: what their cases were logged with. */
export interface ResidentDetails {
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly name?: string | null;
  readonly address?: string | null;
}

const MAX_LENGTH = 500;

/**
 * The stored resident keys (hashes) a resident's cases may carry. A case is keyed by the
 * strongest detail it was logged with (the domain's residentKeyOf: email, else phone, else
 * name and address), so each detail given is a key of its own: a case logged with only a phone
 * number is found by the phone even when the admin also gives an email.
 */
export function residentKeysOf(details: ResidentDetails): string[] {
  for (const [field, value] of Object.entries(details)) {
    if (typeof value === 'string' && value.length > MAX_LENGTH) {
      throw new BadUserInputError(`${field} is at most ${MAX_LENGTH} characters.`, field);
    }
  }
  const email = details.email?.trim() || null;
  const phone = details.phone?.trim() || null;
  const name = details.name?.trim() || null;
  if (!email && !phone && !name) {
    throw new BadUserInputError(
      'Name the resident by the email address, phone number, or name and address their ' +
        'complaints were logged with.',
      'email',
    );
  }
  const keys = [
    email ? residentKeyOf({ name: '', type: 'tenant', email }) : null,
    phone ? residentKeyOf({ name: '', type: 'tenant', phone }) : null,
    name ? residentKeyOf({ name, type: 'tenant', address: details.address ?? null }) : null,
  ];
  return [...new Set(keys.filter((key): key is string => key !== null).map(residentKeyHash))];
}
