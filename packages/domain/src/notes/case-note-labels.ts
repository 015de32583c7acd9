// The words a person reads for notes and contacts, as for the complaints' labels: each table is a
// Record over its union, so a new kind or direction without its label fails to compile.
import type { CaseNoteKind, ContactDirection } from './case-note.types.js';

export const CASE_NOTE_KIND_LABELS: Readonly<Record<CaseNoteKind, string>> = {
  note: 'Note',
  call: 'Call',
  visit: 'Visit',
  email: 'Email',
  letter: 'Letter',
};

export const CONTACT_DIRECTION_LABELS: Readonly<Record<ContactDirection, string>> = {
  inbound: 'From the resident',
  outbound: 'To the resident',
};
