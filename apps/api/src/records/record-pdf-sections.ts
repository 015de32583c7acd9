// The written sections of a case in a record bundle's PDF, one writer each.
import {
  CHANNEL_LABELS,
  CLOSE_REASON_LABELS,
  COMPLAINANT_TYPE_LABELS,
  CONTACT_METHOD_LABELS,
  formatLocalDate,
  REPRESENTATIVE_ROLE_LABELS,
  type Channel,
  type CloseReason,
} from '@redress/domain';
import { actorName } from './case-timeline.js';
import type { AttachmentRecordEntry, CaseRecord, NoteRecord } from './record-bundle.js';
import {
  bytesText,
  fields,
  heading,
  muted,
  paragraph,
  subheading,
  when,
  type PartWriter,
} from './record-pdf-layout.js';

export function factsSection(title: string, record: CaseRecord): PartWriter {
  return (doc) => {
    heading(doc, title, 18);
    fields(doc, [
      ['Reference', record.reference],
      ['Received', when(record.receivedAt)],
      ['How it came', CHANNEL_LABELS[record.channel as Channel] ?? record.channel],
      ['Category', record.category],
      ['Status', record.statusLabel],
      ['Stage', record.stage],
      ['Closed', record.closedAt ? when(record.closedAt) : null],
      [
        'Why it closed',
        record.closeReason
          ? (CLOSE_REASON_LABELS[record.closeReason as CloseReason] ?? record.closeReason)
          : null,
      ],
    ]);
    subheading(doc, 'The complaint');
    paragraph(doc, record.summary);
    if (record.desiredOutcome) fields(doc, [['Outcome wanted', record.desiredOutcome]]);
    for (const [index, person] of record.complainants.entries()) {
      subheading(doc, index === 0 ? 'Complainant' : `Further complainant ${index}`);
      fields(doc, [
        ['Name', person.name],
        ['Type', COMPLAINANT_TYPE_LABELS[person.type]],
        ['Email', person.email],
        ['Phone', person.phone],
        ['Address', person.address],
        [
          'Preferred contact',
          person.preferredContact ? CONTACT_METHOD_LABELS[person.preferredContact] : null,
        ],
        ['Language', person.language],
        ['Format', person.format],
        ['Adjustments', person.adjustments],
        ['Vulnerable', person.vulnerable ? 'Yes' : null],
      ]);
    }
    if (record.representative) {
      subheading(doc, 'Representative');
      const rep = record.representative;
      fields(doc, [
        ['Name', rep.name],
        ['Role', REPRESENTATIVE_ROLE_LABELS[rep.role]],
        ['Contact', rep.contact],
        ['Consent given', rep.consentGiven ? 'Yes' : 'No'],
        [
          'Consent recorded on',
          rep.consentRecordedOn ? formatLocalDate(rep.consentRecordedOn) : null,
        ],
      ]);
    }
    for (const stage of record.stages) {
      subheading(doc, `Stage ${stage.stage}`);
      fields(doc, [
        ['Started', when(stage.startedAt)],
        ['Handler', stage.handler],
        ['Acknowledged', stage.acknowledgedAt ? when(stage.acknowledgedAt) : null],
        ['Complaint as understood', stage.understanding],
        ['Outcome sought', stage.outcomeSought],
        ['Escalation reason', stage.escalationReason],
        ['Responded', stage.respondedAt ? when(stage.respondedAt) : null],
        ['Outcome', stage.outcome],
        ['Findings', stage.findings],
      ]);
    }
    for (const referral of record.ombudsmanReferrals) {
      fields(doc, [
        ['Referred to the Ombudsman', `${when(referral.referredAt)} (${referral.reference})`],
      ]);
    }
  };
}

export function timelineSection(title: string, record: CaseRecord): PartWriter {
  return (doc) => {
    heading(doc, title);
    if (record.timeline.length === 0) muted(doc, 'Nothing has been recorded on the case.');
    for (const entry of record.timeline) {
      doc
        .font('Helvetica-Bold')
        .fontSize(10)
        .text(`${when(entry.at)} – ${entry.title}`);
      doc.font('Helvetica').fontSize(9.5).text(`By ${entry.by}`);
      if (entry.detail) doc.text(entry.detail);
      doc.moveDown(0.5);
    }
  };
}

export function deadlinesSection(title: string, record: CaseRecord): PartWriter {
  return (doc) => {
    heading(doc, title);
    if (record.deadlines.length === 0) muted(doc, 'The case has no deadlines.');
    for (const deadline of record.deadlines) {
      subheading(doc, `${deadline.label}: ${deadline.stateLabel}`);
      fields(doc, [
        [
          'Due',
          `${formatLocalDate(deadline.dueOn)}${deadline.provisional ? ' (provisional)' : ''}`,
        ],
        ['Met on', deadline.metOn ? formatLocalDate(deadline.metOn) : null],
      ]);
      paragraph(doc, deadline.explanation);
    }
  };
}

export function notesSection(
  title: string,
  notes: readonly NoteRecord[],
  none: string,
): PartWriter {
  return (doc) => {
    heading(doc, title);
    if (notes.length === 0) muted(doc, none);
    for (const note of notes) {
      let line = `${when(note.occurredAt)} – ${note.label}`;
      if (note.direction) line += ` (${note.direction})`;
      if (note.withWhom) line += ` with ${note.withWhom}`;
      doc.font('Helvetica-Bold').fontSize(10).text(line);
      doc
        .font('Helvetica')
        .fontSize(9.5)
        .text(`Recorded by ${actorName(note.author)} on ${when(note.recordedAt)}`);
      if (note.correctsId) doc.text(`Corrects note ${note.correctsId}`);
      doc.fontSize(10).text(note.body);
      doc.moveDown(0.5);
    }
  };
}

/** How an attachment appears in the bundle: its pages, or sent beside it. */
export type AttachmentPlacement = 'included' | 'separately';

export function attachmentsSection(
  title: string,
  attachments: readonly { entry: AttachmentRecordEntry; placement: AttachmentPlacement }[],
): PartWriter {
  return (doc) => {
    heading(doc, title);
    if (attachments.length === 0) muted(doc, 'No files are attached to the case.');
    for (const { entry, placement } of attachments) {
      subheading(doc, entry.fileName);
      fields(doc, [
        ['Type', entry.contentType],
        ['Size', bytesText(entry.sizeBytes)],
        ['SHA-256', entry.sha256],
        ['Description', entry.description],
        ['Attached', `${when(entry.uploadedAt)} by ${actorName(entry.uploadedBy)}`],
        [
          'In this file',
          placement === 'included'
            ? 'Included as pages after this list (see the index).'
            : 'Supplied separately: this file cannot be shown as pages here.',
        ],
      ]);
    }
  };
}

/** One image attachment on a page of its own, fitted within the margins, with its caption. */
export function imageSection(title: string, entry: AttachmentRecordEntry): PartWriter {
  return (doc) => {
    heading(doc, title, 13);
    if (entry.description) muted(doc, entry.description);
    const { margins, width, height } = doc.page;
    const top = doc.y;
    doc.image(entry.content, margins.left, top, {
      fit: [width - margins.left - margins.right, height - margins.bottom - top],
      align: 'center',
    });
  };
}

export function policySection(title: string, record: CaseRecord): PartWriter {
  return (doc) => {
    heading(doc, title);
    for (const policy of record.policies) {
      const stages = policy.stages.map((stage) => `stage ${stage}`).join(' and ');
      subheading(doc, `${policy.name} (version ${policy.version}), for ${stages}`);
      if (policy.description) paragraph(doc, policy.description);
      if (policy.departures.length === 0) {
        paragraph(doc, 'This policy does not depart from the Complaint Handling Code.');
        continue;
      }
      paragraph(doc, 'Where this policy departs from the Complaint Handling Code:');
      for (const departure of policy.departures) {
        doc.font('Helvetica-Bold').fontSize(10).text(`Clause ${departure.clause}`);
        paragraph(doc, departure.message);
      }
    }
  };
}
