import { LETTER_KINDS, type LetterKind, type LetterTemplate } from '@redress/domain';
import { fileTypeFromBuffer } from 'file-type';
import { BadUserInputError } from '../errors/app-errors.js';

export const MAX_TEMPLATE_TEXT = 2_000;
/** A logo is drawn at most 140 by 56 points: a quarter of a megabyte is plenty. */
export const MAX_LOGO_BYTES = 256 * 1024;

export interface LetterTemplateInput {
  readonly landlordName: string;
  readonly logoDataUrl?: string | null;
  readonly signatureName: string;
  readonly signatureRole: string;
  readonly ombudsmanContact: string;
  readonly lgscoContact: string;
  readonly escalationHowTo: string;
  readonly wording?:
    | readonly {
        readonly kind: LetterKind;
        readonly opening: string;
        readonly closing: string;
      }[]
    | null;
}

/**
 * A template every letter can be issued from: each text present (an empty Ombudsman's details
 * would leave every extension, refusal and final response unissuable), a logo that is a PNG or
 * JPEG by its bytes, not by what its data URL claims.
 */
export async function checkTemplate(input: LetterTemplateInput): Promise<LetterTemplate> {
  const wording: Partial<Record<LetterKind, { opening: string; closing: string }>> = {};
  for (const [index, entry] of (input.wording ?? []).entries()) {
    if (!(LETTER_KINDS as readonly string[]).includes(entry.kind)) {
      throw new BadUserInputError(`wording[${index}].kind is not a letter kind.`, 'wording');
    }
    if (wording[entry.kind]) {
      throw new BadUserInputError(
        `wording gives the ${entry.kind} letter twice: give each kind once.`,
        'wording',
      );
    }
    wording[entry.kind] = {
      opening: required(entry.opening, `wording[${index}].opening`),
      closing: required(entry.closing, `wording[${index}].closing`),
    };
  }
  return {
    landlordName: required(input.landlordName, 'landlordName'),
    logoDataUrl: await logo(input.logoDataUrl ?? null),
    signatureName: required(input.signatureName, 'signatureName'),
    signatureRole: required(input.signatureRole, 'signatureRole'),
    ombudsmanContact: required(input.ombudsmanContact, 'ombudsmanContact'),
    lgscoContact: required(input.lgscoContact, 'lgscoContact'),
    escalationHowTo: required(input.escalationHowTo, 'escalationHowTo'),
    ...(Object.keys(wording).length > 0 ? { wording } : {}),
  };
}

function required(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed === '') {
    throw new BadUserInputError(
      `${field} is empty: every letter that needs it could not be issued.`,
      field,
    );
  }
  if (trimmed.length > MAX_TEMPLATE_TEXT) {
    throw new BadUserInputError(
      `${field} is ${trimmed.length} characters; at most ${MAX_TEMPLATE_TEXT}.`,
      field,
    );
  }
  return trimmed;
}

async function logo(dataUrl: string | null): Promise<string | null> {
  if (dataUrl === null || dataUrl.trim() === '') return null;
  const match = /^data:image\/(?:png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl.trim());
  if (!match) {
    throw new BadUserInputError(
      'logoDataUrl must be a PNG or JPEG as a base64 data URL: data:image/png;base64,...',
      'logoDataUrl',
    );
  }
  const bytes = Buffer.from(match[1] ?? '', 'base64');
  if (bytes.length > MAX_LOGO_BYTES) {
    throw new BadUserInputError(
      `The logo is ${Math.ceil(bytes.length / 1024)} KiB; at most ${MAX_LOGO_BYTES / 1024} KiB.`,
      'logoDataUrl',
    );
  }
  const type = await fileTypeFromBuffer(bytes);
  if (type?.mime !== 'image/png' && type?.mime !== 'image/jpeg') {
    throw new BadUserInputError(
      `The logo's bytes are ${type ? `a ${type.mime} file` : 'not an image we can read'}: give a PNG or a JPEG.`,
      'logoDataUrl',
    );
  }
  // Stored under the type its bytes have, whatever the data URL said.
  return `data:${type.mime};base64,${bytes.toString('base64')}`;
}
