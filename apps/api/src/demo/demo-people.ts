// The residents who complain, with the variety of needs landlords' procedures name: how to
// contact them, their language and the format of letters (translation, large print), the
// reasonable adjustments they ask for, vulnerability, a representative acting with their
// consent, and their tenure.
import type {
  Channel,
  Complainant,
  ComplainantType,
  ContactMethod,
  LocalDate,
  Representative,
  RepresentativeRole,
  Tenure,
} from '@redress/domain';
import { between, pick, weighted, type Random } from './demo-random.js';

const FIRST_NAMES = [
  'Aisha',
  'Tom',
  'Grace',
  'Mohammed',
  'Eilidh',
  'Kwame',
  'Zofia',
  'Priya',
  'Gareth',
  'Niamh',
  'Daniel',
  'Fatima',
  'Oluwaseun',
  'Megan',
  'Tariq',
  'Joan',
  'Liam',
  'Chloe',
  'Bogdan',
  'Sunita',
  'Rhys',
  'Hannah',
  'Yusuf',
  'Margaret',
  'Abdi',
  'Bernadette',
  'Callum',
  'Dorota',
  'Esther',
  'Farah',
  'Gwen',
  'Hamza',
  'Imani',
  'Jerzy',
  'Kerry-Ann',
  'Leon',
  'Maryam',
  'Nasra',
  'Patrick',
  'Roisin',
  'Shanice',
  'Terry',
  'Uche',
  'Wendy',
];
const LAST_NAMES = [
  'Rahman',
  'Evans',
  'Okafor',
  'Kowalski',
  'Patel',
  'Hughes',
  'MacLeod',
  'Mensah',
  'Ahmed',
  'Byrne',
  'Thompson',
  'Nowak',
  'Singh',
  'Williams',
  'Adeyemi',
  'Jones',
  'Murphy',
  'Khan',
  'Taylor',
  'Davies',
  'Hassan',
  'Campbell',
  'Wiśniewska',
  'Osei',
  'Clarke',
  'Begum',
  'Reid',
  'Farah',
  'Doherty',
  'Mahmood',
];
const STREETS = [
  'Albion Road',
  'Brook Court',
  'Canal Walk',
  'Dene House',
  'Elm Grove',
  'Foundry Lane',
  'Garden Row',
  'Holly Close',
];

/** Languages residents ask letters in, beside English (a procedure offers translation). */
const LANGUAGES = [
  'Polish',
  'Urdu',
  'Somali',
  'Welsh',
  'Arabic',
  'Bengali',
  'Romanian',
  'Tigrinya',
];
const FORMATS = ['large print', 'easy read', 'audio', 'braille', 'large print, sent by email'];
const ADJUSTMENTS = [
  'Hearing impaired: contact by text or email, never by phone',
  'Calls after 2pm only (carer duties)',
  'Needs an interpreter at visits',
  'Mobility: visits at home, or a ground-floor meeting room',
  'Autistic: written questions in advance, one named contact',
  'Anxiety: no unannounced visits; give two days’ notice',
  'Sight impaired: read letters out on a call as well as sending them',
  'British Sign Language interpreter for meetings',
  'Memory loss after a stroke: copy letters to a named relative (consent given)',
];

/** How people who complain are related to the landlord, and so their tenure. */
const TYPES: readonly (readonly [ComplainantType, number])[] = [
  ['tenant', 70],
  ['shared-owner', 9],
  ['leaseholder', 9],
  ['former-customer', 4],
  ['applicant', 4],
  ['residents-group', 2],
  ['other', 2],
];

const CHANNELS: readonly (readonly [Channel, number])[] = [
  ['phone', 30],
  ['email', 25],
  ['online', 25],
  ['letter', 5],
  ['in-person', 5],
  ['social-media', 4],
];

const REPRESENTATIVES: readonly (readonly [RepresentativeRole, string, number])[] = [
  ['family', 'a relative', 4],
  ['advocate', 'Citizens Advice adviser', 3],
  ['councillor', 'ward councillor', 2],
  ['mp', 'constituency MP’s caseworker', 1],
  ['solicitor', 'housing solicitor', 1],
  ['other', 'support worker from the mental health team', 1],
];

export interface DemoResident {
  readonly complainant: Complainant;
  readonly representative: Representative | null;
  readonly tenure: Tenure;
}

/** A resident with their needs, and the representative acting for them with consent, if any. */
export function residentFor(random: Random, receivedOn: LocalDate): DemoResident {
  const name = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
  const type = weighted(random, TYPES);
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z]+/g, '.');
  const email = random() < 0.7 ? `${slug}@example.org` : null;
  const phone =
    random() < 0.85 ? `07700 9${String(between(random, 0, 99999)).padStart(5, '0')}` : null;
  const needs = random();
  const adjustments = needs >= 0.1 && needs < 0.22 ? pick(random, ADJUSTMENTS) : null;
  // Asked for as the resident asked; a hearing-impaired resident is never phoned.
  const preferredContact: ContactMethod = adjustments?.startsWith('Hearing')
    ? email
      ? 'email'
      : 'text'
    : weighted<ContactMethod>(random, [
        ['phone', phone ? 40 : 0],
        ['email', email ? 30 : 0],
        ['text', phone ? 10 : 0],
        ['letter', 15],
        ['in-person', 5],
      ]);
  const complainant: Complainant = {
    name:
      type === 'residents-group'
        ? `${pick(random, LAST_NAMES)} Court Residents’ Association`
        : name,
    type,
    email,
    phone,
    address: `${between(random, 1, 140)} ${pick(random, STREETS)}`,
    preferredContact,
    language: needs < 0.07 ? pick(random, LANGUAGES) : null,
    format: needs >= 0.07 && needs < 0.11 ? pick(random, FORMATS) : null,
    adjustments,
    vulnerable: needs < 0.16 || random() < 0.04,
  };
  return {
    complainant,
    representative: representativeFor(random, receivedOn),
    tenure: tenureOf(type, random),
  };
}

function representativeFor(random: Random, receivedOn: LocalDate): Representative | null {
  if (random() >= 0.1) return null;
  const [role, who] = weighted(
    random,
    REPRESENTATIVES.map(([role, who, weight]) => [[role, who] as const, weight] as const),
  );
  const name = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
  return {
    name,
    role,
    contact: `${who}, ${role === 'family' ? 'via the resident' : `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`}`,
    // Consent is asked for when the complaint is logged and recorded that day.
    consentGiven: true,
    consentRecordedOn: receivedOn,
  };
}

/** Social rent for tenants, shared ownership and leasehold as low-cost home ownership. */
function tenureOf(type: ComplainantType, random: Random): Tenure {
  if (type === 'shared-owner' || type === 'leaseholder') return 'lcho';
  if (type === 'tenant') return random() < 0.94 ? 'lcra' : 'other';
  return random() < 0.6 ? 'lcra' : 'other';
}

/** How the complaint came in: a representative's own way, or the resident's. */
export function channelFor(random: Random, representative: Representative | null): Channel {
  if (!representative) return weighted(random, CHANNELS);
  return representative.role === 'councillor' || representative.role === 'mp'
    ? 'elected-member'
    : 'representative';
}
