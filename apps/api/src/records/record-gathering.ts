// Gathers everything held on a set of cases already read in the caller's scope: a few statements
// for all of them (events, notes, letters, attachments), then each letter's issued PDF and each
// attachment's bytes.
import {
  checkAgainstCode,
  DEADLINE_STATE_LABELS,
  EVENT_LABELS,
  isContact,
  OUTCOME_LABELS,
  CASE_NOTE_KIND_LABELS,
  STATUS_LABELS,
  type CaseNote,
  type ComplaintState,
} from '@redress/domain';
import type { AttachmentStorage } from '../attachments/attachment-storage.js';
import type { AttachmentService } from '../attachments/attachment.service.js';
import type { Principal } from '../auth/principal.js';
import type { ComplaintRecord, ComplaintService } from '../complaints/complaint.service.js';
import { letterFileName } from '../letters/letter-sender.js';
import type { LetterService } from '../letters/letter.service.js';
import type { CaseNoteService } from '../notes/case-note.service.js';
import { caseTimeline } from './case-timeline.js';
import { letterName } from '@redress/domain';
import type { CaseRecord, NoteRecord, PolicyRecord } from './record-bundle.js';

export interface RecordSources {
  readonly complaints: ComplaintService;
  readonly letters: LetterService;
  readonly caseNotes: CaseNoteService;
  readonly attachments: AttachmentService;
  readonly attachmentStorage: AttachmentStorage;
}

/** Each case's record, in the order given. The caller may read the cases' personal data. */
export async function gatherCaseRecords(
  sources: RecordSources,
  by: Principal,
  complaints: readonly ComplaintRecord[],
): Promise<CaseRecord[]> {
  const ids = complaints.map((complaint) => complaint.state.id);
  const [events, notes, letters, attachments] = await Promise.all([
    sources.complaints.eventsFor(ids),
    sources.caseNotes.notesFor(by, ids),
    sources.letters.lettersOf(by, ids),
    sources.attachments.forComplaints(by, ids),
  ]);
  const records: CaseRecord[] = [];
  for (const { state } of complaints) {
    const caseEvents = events.get(state.id) ?? [];
    const caseNotes = notes.get(state.id) ?? [];
    const caseLetters = [...(letters.get(state.id) ?? [])].sort(
      (a, b) => a.issuedAt.getTime() - b.issuedAt.getTime(),
    );
    const caseAttachments = attachments.get(state.id) ?? [];
    const letterEntries = [];
    for (const letter of caseLetters) {
      const pdf = await sources.letters.repository.renderingOf(letter.id, 'pdf');
      if (!pdf) throw new Error(`Letter ${letter.id} has no PDF stored.`);
      letterEntries.push({
        id: letter.id,
        title: letterName(letter.draft.kind, letter.draft.stage),
        kind: letter.draft.kind,
        stage: letter.draft.stage,
        issuedOn: letter.draft.issuedOn,
        issuedAt: letter.issuedAt.toISOString(),
        issuedBy: letter.issuedByName,
        recipientName: letter.draft.recipient.name,
        delivery: letter.delivery,
        sentAt: letter.sentAt?.toISOString() ?? null,
        postedOn: letter.postedOn,
        fileName: letterFileName(letter),
        pdf,
      });
    }
    const attachmentEntries = [];
    for (const attachment of caseAttachments) {
      attachmentEntries.push({
        id: attachment.id,
        fileName: attachment.fileName,
        contentType: attachment.contentType,
        sizeBytes: attachment.sizeBytes,
        sha256: attachment.sha256,
        description: attachment.description,
        uploadedAt: attachment.uploadedAt.toISOString(),
        uploadedBy: attachment.uploadedBy,
        content: await sources.attachmentStorage.get(attachment.id),
      });
    }
    records.push({
      ...factsOf(state),
      timeline: caseTimeline(caseEvents, caseNotes, caseLetters),
      events: caseEvents.map((event) => ({
        version: event.version,
        type: event.type,
        label: EVENT_LABELS[event.type],
        at: event.at,
        recordedAt: event.recordedAt,
        actor: event.actor,
        data: event.payload,
      })),
      deadlines: sources.complaints.deadlinesOf(state).map((deadline) => ({
        stage: deadline.stage,
        kind: deadline.kind,
        label: `Stage ${deadline.stage} ${deadline.kind === 'acknowledge' ? 'acknowledgement' : 'response'}`,
        dueOn: deadline.dueOn,
        provisional: deadline.provisional,
        metOn: deadline.metOn,
        state: deadline.state,
        stateLabel: DEADLINE_STATE_LABELS[deadline.state],
        explanation: deadline.explanation.text,
      })),
      letters: letterEntries,
      notes: caseNotes.filter((note) => !isContact(note.kind)).map(noteRecord),
      contacts: caseNotes.filter((note) => isContact(note.kind)).map(noteRecord),
      attachments: attachmentEntries,
      policies: policiesOf(state),
    });
  }
  return records;
}

type CaseFacts = Omit<
  CaseRecord,
  | 'timeline'
  | 'events'
  | 'deadlines'
  | 'letters'
  | 'notes'
  | 'contacts'
  | 'attachments'
  | 'policies'
>;

function factsOf(state: ComplaintState): CaseFacts {
  return {
    id: state.id,
    reference: state.reference,
    receivedAt: state.receivedAt,
    channel: state.channel,
    category: state.category,
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    stage: state.stage,
    closedAt: state.closedAt,
    closeReason: state.closeReason,
    summary: state.summary,
    desiredOutcome: state.desiredOutcome,
    complainants: [state.complainant, ...state.additionalComplainants],
    representative: state.representative,
    stages: state.stages.map((stage) => ({
      stage: stage.stage,
      startedAt: stage.startedAt,
      handler: stage.handler,
      acknowledgedAt: stage.acknowledgedAt,
      understanding: stage.understanding,
      outcomeSought: stage.outcomeSought,
      respondedAt: stage.respondedAt,
      outcome: stage.outcome ? OUTCOME_LABELS[stage.outcome] : null,
      findings: stage.findings,
      escalationReason: stage.escalationReason,
    })),
    ombudsmanReferrals: state.ombudsman.map((referral) => ({
      reference: referral.reference,
      referredAt: referral.referredAt,
    })),
  };
}

function noteRecord(note: CaseNote): NoteRecord {
  return {
    id: note.id,
    kind: note.kind,
    label: CASE_NOTE_KIND_LABELS[note.kind],
    direction: note.direction,
    withWhom: note.withWhom,
    occurredAt: note.occurredAt,
    recordedAt: note.recordedAt,
    author: note.author,
    body: note.body,
    correctsId: note.correctsId,
  };
}

/** The policy each stage was handled under (one entry when both stages share a version). */
function policiesOf(state: ComplaintState): PolicyRecord[] {
  const records: PolicyRecord[] = [];
  for (const stage of state.stages) {
    const { policy } = stage;
    const same = records.find((r) => r.id === policy.id && r.version === policy.version);
    if (same) {
      records[records.indexOf(same)] = { ...same, stages: [...same.stages, stage.stage] };
      continue;
    }
    records.push({
      stages: [stage.stage],
      id: policy.id,
      version: policy.version,
      name: policy.name,
      description: policy.description,
      departures: checkAgainstCode(policy),
    });
  }
  return records;
}
