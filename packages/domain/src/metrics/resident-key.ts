// Who the resident is, for "repeat complainants": the same person making different complaints.
// A case holds no resident id (residents are not records of their own in Redress), so the key is
// read from the complainant's contact details, the strongest first:
//   1. the email address, trimmed and lower-cased (`email:jordan@example.org`);
//   2. else the phone number's digits, a UK +44 prefix read as the leading 0, so
//      "+44 7700 900123" and "07700 900123" agree (`phone:07700900123`);
//   3. else the name and address, lower-cased with runs of anything but letters and digits read
//      as one space (`name:jordan price|12 high street`), the address empty when not given.
// An anonymised complainant has none of these; the random key given to the cases anonymised
// together stands for them (`anonymous:<key>`), so the count of repeat complainants holds.
// The API stores only a hash of it: the key is personal data and the measure needs only equality.
import type { Complainant } from '../complaints/complaint.types.js';

export function residentKeyOf(complainant: Complainant): string {
  if (complainant.anonymousKey) return `anonymous:${complainant.anonymousKey}`;
  const email = complainant.email?.trim().toLowerCase();
  if (email) return `email:${email}`;
  const phone = phoneDigits(complainant.phone);
  if (phone) return `phone:${phone}`;
  return `name:${words(complainant.name)}|${words(complainant.address ?? '')}`;
}

function phoneDigits(phone: string | null | undefined): string {
  if (!phone) return '';
  let digits = phone.replace(/\D/g, '');
  if (phone.trim().startsWith('+44') || digits.startsWith('0044')) {
    digits = `0${digits.replace(/^(00)?44/, '').replace(/^0/, '')}`;
  }
  return digits;
}

function words(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
