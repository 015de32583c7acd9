export type * from './case-note.types.js';
export {
  recordCaseNote,
  isContact,
  CASE_NOTE_KINDS,
  CONTACT_DIRECTIONS,
  MAX_CASE_NOTE_LENGTH,
  MAX_WITH_WHOM_LENGTH,
} from './case-note.js';
export { CASE_NOTE_KIND_LABELS, CONTACT_DIRECTION_LABELS } from './case-note-labels.js';
