import { letterDate, type LetterDraft, type LetterKind } from '@redress/domain';

// What the HTML and the PDF of a letter both show, worked out once: its title, its date line,
// the address block and the note that a translation follows.

const TITLES: Readonly<Record<LetterKind, string>> = {
  acknowledgement: 'We have received your complaint',
  extension: 'We need more time to reply to your complaint',
  response: 'Our response to your complaint',
  'acceptance-refusal': 'We cannot take your complaint through our complaints procedure',
  'escalation-refusal': 'We cannot take your complaint to stage 2',
};

export function letterTitle(draft: LetterDraft): string {
  const stage =
    draft.kind === 'acceptance-refusal' || draft.kind === 'escalation-refusal'
      ? ''
      : `Stage ${draft.stage}: `;
  return `${stage}${TITLES[draft.kind]}`;
}

/** The recipient's name and address, a line each. */
export function addressLines(draft: LetterDraft): string[] {
  const address = (draft.recipient.address ?? '')
    .split(/\r?\n|,\s*/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return [draft.recipient.name, ...address];
}

export function dateLine(draft: LetterDraft): string {
  return letterDate(draft.issuedOn);
}

/** Told to a resident who asked for letters in another language. */
export function translationNote(draft: LetterDraft): string | null {
  return draft.translateTo === null
    ? null
    : `You asked us to write to you in ${draft.translateTo}. A translation of this letter will follow.`;
}

/** A part's text as its paragraphs: one per line the case or the handler gave. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The logo's bytes and type, when the template has one (PNG or JPEG data URL). */
export function logoOf(draft: LetterDraft): { type: 'png' | 'jpeg'; bytes: Buffer } | null {
  const match = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(draft.logoDataUrl ?? '');
  if (!match) return null;
  return { type: match[1] as 'png' | 'jpeg', bytes: Buffer.from(match[2] ?? '', 'base64') };
}

/** The letter as plain text: an email's text part. */
export function letterText(draft: LetterDraft): string {
  const note = translationNote(draft);
  return [
    dateLine(draft),
    `Our reference: ${draft.reference}`,
    ...(note ? ['', note] : []),
    '',
    letterTitle(draft),
    '',
    `${draft.salutation},`,
    '',
    draft.opening,
    ...draft.parts.flatMap((part) => ['', part.heading, ...paragraphsOf(part.text)]),
    '',
    draft.closing,
    '',
    'Yours sincerely,',
    draft.signature.name,
    draft.signature.role,
    draft.landlordName,
    '',
    'The letter is attached as a PDF.',
  ].join('\n');
}
