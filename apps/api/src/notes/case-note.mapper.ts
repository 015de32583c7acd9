import type { CaseNote } from '@redress/domain';
import type { CaseNoteType } from './case-note.type.js';

export function toCaseNoteType(note: CaseNote): CaseNoteType {
  return {
    id: note.id,
    complaintId: note.complaintId,
    kind: note.kind,
    direction: note.direction,
    withWhom: note.withWhom,
    occurredAt: note.occurredAt,
    body: note.body,
    author: { kind: note.author.kind, id: note.author.id, name: note.author.name ?? null },
    recordedAt: note.recordedAt,
    correctsId: note.correctsId,
  };
}
