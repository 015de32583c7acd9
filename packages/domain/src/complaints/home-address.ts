// Where someone lives, read from an address as people type it, for one question only: is a panel
// member's home the case's, or a neighbour's (seed 004: a resident reviewer must be independent)?
// A case holds the resident's address as one line of text ("Flat 3, 12 High St, AB1 2CD"), so the
// rule reads what such a line says and no more:
//   - the same home: the same building (house number and street, or a named building such as
//     "Rose Court") and the same flat, or no flat on either side;
//   - the same building: the same building, different flats, or a flat on one side only (the
//     house, or a flat in it: Redress cannot tell, and either way they share a door);
//   - a neighbour: the same street with the same full postcode, or the same street with house
//     numbers at most 2 apart (next door on either side, or across the road).
// Two full postcodes in different districts (the part before the space) are different places,
// whatever the street is called. Abbreviations of street words are read as the words ("St" is
// "Street", "Rd" "Road"); case, punctuation and spacing never matter.

/** An address as the conflict rule reads it. */
export interface Home {
  readonly flat: string | null;
  /** The house number, with its letter: `12`, `12a`. */
  readonly number: string | null;
  /** A named building or house: `rose court`. */
  readonly building: string | null;
  readonly street: string | null;
  /** Upper case, one space: `AB1 2CD`. */
  readonly postcode: string | null;
}

export type HomeRelation = 'same-home' | 'same-building' | 'neighbour';

/** How far apart two house numbers of one street may be and still be neighbours. */
export const NEIGHBOUR_NUMBER_DISTANCE = 2;

const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/g;
const FLAT = /^(?:flat|apartment|apt|unit|room|maisonette)\s+([\p{L}\p{N}]+)\s*(.*)$/u;
const FLAT_SLASH = /^(\d+[a-z]?)\s*\/\s*(\d+[a-z]?)\s+(.+)$/;
// The number may follow words ("My mother's: 12 Mill Lane"), which say nothing of the place.
const NUMBERED = /(?:^|\s)(\d+[a-z]?)(?:\s*-\s*\d+[a-z]?)?\s+(\p{L}.*)$/u;
const NUMBER_ONLY = /^\d+[a-z]?$/;

const STREET_WORDS: Readonly<Record<string, string>> = {
  st: 'street',
  rd: 'road',
  ave: 'avenue',
  av: 'avenue',
  ln: 'lane',
  dr: 'drive',
  cl: 'close',
  ct: 'court',
  cres: 'crescent',
  gdns: 'gardens',
  gr: 'grove',
  pl: 'place',
  sq: 'square',
  tce: 'terrace',
  terr: 'terrace',
  pde: 'parade',
  wy: 'way',
};

/** Reads an address (and a postcode given apart from it, if any). */
export function parseHome(address: string, postcode?: string | null): Home {
  const text = [address, postcode ?? ''].join(', ').normalize('NFKC');
  let found: string | null = null;
  const rest = text.toUpperCase().replace(POSTCODE, (_all, outward: string, inward: string) => {
    found = `${outward} ${inward}`;
    return ',';
  });
  let flat: string | null = null;
  let number: string | null = null;
  let building: string | null = null;
  let street: string | null = null;
  for (const raw of rest.toLowerCase().split(/[,;\n]+/)) {
    let part = raw.replace(/[^\p{L}\p{N}/-]+/gu, ' ').trim();
    if (part === '') continue;
    // After the street only a flat is read ("12 Mill Lane, Flat 2"); a town says nothing more.
    if (street !== null) {
      flat = flat ?? FLAT.exec(part)?.[1] ?? null;
      continue;
    }
    const slash = FLAT_SLASH.exec(part);
    if (slash) {
      flat = slash[1] ?? null;
      number = slash[2] ?? null;
      street = streetOf(slash[3] ?? '');
      continue;
    }
    const flatMatch = FLAT.exec(part);
    if (flatMatch) {
      flat = flatMatch[1] ?? null;
      part = (flatMatch[2] ?? '').trim();
      if (part === '') continue;
    }
    const numbered = NUMBERED.exec(part);
    if (numbered) {
      number = numbered[1] ?? null;
      street = streetOf(numbered[2] ?? '');
    } else if (NUMBER_ONLY.test(part)) {
      number = part;
    } else if (building === null) {
      building = plain(part);
    } else {
      street = streetOf(part);
    }
  }
  return { flat, number, building, street, postcode: found };
}

/** How the two homes stand to each other, or null when they are not near. */
export function homeRelation(a: Home, b: Home): HomeRelation | null {
  if (a.postcode && b.postcode && district(a.postcode) !== district(b.postcode)) return null;
  const sameStreet = a.street !== null && a.street === b.street;
  const sameNumbered = sameStreet && a.number !== null && a.number === b.number;
  const sameNamed =
    a.building !== null &&
    a.building === b.building &&
    (a.street === null || b.street === null || sameStreet);
  if (sameNumbered || sameNamed) {
    if (a.flat === b.flat) return 'same-home';
    return 'same-building';
  }
  if (!sameStreet) return null;
  if (a.postcode !== null && a.postcode === b.postcode) return 'neighbour';
  const distance = Math.abs(houseNumber(a) - houseNumber(b));
  return distance <= NEIGHBOUR_NUMBER_DISTANCE ? 'neighbour' : null;
}

/** Whether an address says enough to be compared: a building, or a number on a street. */
export function isComparable(home: Home): boolean {
  return home.building !== null || (home.number !== null && home.street !== null);
}

function streetOf(text: string): string {
  const words = plain(text).split(' ');
  const last = words.length - 1;
  const word = words[last] ?? '';
  words[last] = STREET_WORDS[word] ?? word;
  return words.join(' ');
}

function plain(text: string): string {
  return text
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

function district(postcode: string): string {
  return postcode.split(' ')[0] ?? postcode;
}

function houseNumber(home: Home): number {
  return home.number === null ? Number.NaN : Number.parseInt(home.number, 10);
}
