export {
  LETTER_KINDS,
  LETTER_PARTS,
  requiredParts,
  type LetterKind,
  type LetterPartId,
  type LetterRequirement,
} from './letter-parts.js';
export {
  DEFAULT_LETTER_TEMPLATE,
  DEFAULT_WORDING,
  type LetterTemplate,
} from './letter-template.js';
export {
  composeLetter,
  letterDate,
  letterIssuable,
  type LetterContext,
  type LetterDraft,
  type LetterPart,
  type LetterRefusal,
  type LetterRefusalCode,
  type LetterRequest,
} from './compose-letter.js';
export { letterOptions, type LetterOption } from './letter-options.js';
export { letterName } from './letter-name.js';
