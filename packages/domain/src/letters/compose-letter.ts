// A letter composed from the case and the landlord's template, and checked against the parts
// its kind requires. Composing never throws and never invents a fact: a part the case cannot
// supply is left empty, and an empty required part stops the letter being issued.
import type { BankHolidaysData, LocalDate } from '../calendar/calendar.types.js';
import { formatLocalDate, isLocalDate, localDateOf } from '../calendar/local-date.js';
import { toEpochDay } from '../calendar/epoch-day.js';
import type {
  ComplaintState,
  Instant,
  Ombudsman,
  StageNumber,
  StageState,
} from '../complaints/complaint.types.js';
import {
  ESCALATION_REFUSAL_REASON_LABELS,
  OUTCOME_LABELS,
  REFUSAL_REASON_LABELS,
  REMEDY_LABELS,
} from '../complaints/labels.js';
import { pounds } from '../complaints/remedies.js';
import { deriveDeadlines } from '../deadlines/derive-deadlines.js';
import { err, ok, type Result } from '../shared/result.js';
import {
  requiredParts,
  type LetterKind,
  type LetterPartId,
  type LetterRequirement,
} from './letter-parts.js';
import { DEFAULT_WORDING, type LetterTemplate } from './letter-template.js';

export interface LetterRequest {
  readonly kind: LetterKind;
  readonly stage: StageNumber;
  /** The letter's date; null for the date of the step it tells of. */
  readonly issuedOn: LocalDate | null;
  /** A decision for each point the stage raised, by the point's text. */
  readonly decisions?: readonly { readonly point: string; readonly decision: string }[];
  /** A part's text replaced by the handler; an empty text leaves the part missing. */
  readonly edits?: Readonly<Partial<Record<LetterPartId, string>>>;
  /** Which ombudsman the resident may go to; the Housing Ombudsman unless told otherwise. */
  readonly ombudsman?: Ombudsman;
}

export interface LetterContext {
  readonly template: LetterTemplate;
  readonly holidays?: BankHolidaysData;
}

export interface LetterPart {
  readonly part: LetterPartId;
  readonly heading: string;
  readonly clause: string;
  /** Lines of text; empty when the case and template could not supply the part. */
  readonly text: string;
}

export interface LetterDraft {
  readonly kind: LetterKind;
  readonly stage: StageNumber;
  readonly reference: string;
  readonly issuedOn: LocalDate;
  readonly recipient: {
    readonly name: string;
    readonly address: string | null;
    readonly email: string | null;
  };
  readonly landlordName: string;
  readonly logoDataUrl: string | null;
  readonly salutation: string;
  readonly opening: string;
  readonly closing: string;
  readonly signature: { readonly name: string; readonly role: string };
  readonly parts: readonly LetterPart[];
  /** The resident asked for large print (their format preference). */
  readonly largePrint: boolean;
  /** The language the resident asked letters in, when not English: the letter needs translating. */
  readonly translateTo: string | null;
  readonly missing: readonly LetterRequirement[];
}

export type LetterRefusalCode =
  'LETTER_STEP_NOT_TAKEN' | 'LETTER_DATE_BEFORE_STEP' | 'LETTER_PART_MISSING' | 'INVALID_COMMAND';

export interface LetterRefusal {
  readonly code: LetterRefusalCode;
  readonly message: string;
  /** For LETTER_PART_MISSING: the first part missing and its clause. */
  readonly part?: LetterPartId;
  readonly clause?: string;
  readonly missing?: readonly LetterRequirement[];
}

/** The step a letter tells of, when it has happened, and the part texts the case supplies. */
interface Facts {
  readonly at: Instant;
  readonly texts: Partial<Record<LetterPartId, string>>;
}

export function composeLetter(
  state: ComplaintState,
  request: LetterRequest,
  context: LetterContext,
): Result<LetterDraft, LetterRefusal> {
  if (request.issuedOn !== null && !isLocalDate(request.issuedOn)) {
    return err({ code: 'INVALID_COMMAND', message: 'The letter date must be YYYY-MM-DD.' });
  }
  const facts = factsOf(state, request, context);
  if (!facts.ok) return facts;
  const stepOn = localDateOf(facts.value.at);
  const issuedOn = request.issuedOn ?? stepOn;
  if (issuedOn < stepOn) {
    return err({
      code: 'LETTER_DATE_BEFORE_STEP',
      message: `The letter is dated ${formatLocalDate(issuedOn)}, before the step it tells of (${formatLocalDate(stepOn)}).`,
    });
  }
  const parts = requiredParts(request.kind, request.stage).map((rule): LetterPart => {
    const edited = request.edits?.[rule.part];
    const text = (edited ?? facts.value.texts[rule.part] ?? '').trim();
    return { part: rule.part, heading: rule.label, clause: rule.clause, text };
  });
  const missing = requiredParts(request.kind, request.stage).filter(
    (rule) => parts.find((part) => part.part === rule.part)?.text === '',
  );
  const { template } = context;
  const wording = template.wording?.[request.kind] ?? DEFAULT_WORDING[request.kind];
  const complainant = state.complainant;
  const language = complainant.language?.trim() ?? '';
  return ok({
    kind: request.kind,
    stage: request.stage,
    reference: state.reference,
    issuedOn,
    recipient: {
      name: complainant.name,
      address: complainant.address ?? null,
      email: complainant.email ?? null,
    },
    landlordName: template.landlordName,
    logoDataUrl: template.logoDataUrl,
    salutation: `Dear ${complainant.name}`,
    opening: wording.opening,
    closing: wording.closing,
    signature: { name: template.signatureName, role: template.signatureRole },
    parts,
    largePrint: /large\s*print/i.test(complainant.format ?? ''),
    translateTo: language !== '' && !/^english$/i.test(language) ? language : null,
    missing,
  });
}

/** Refuses a letter missing a required part, naming the first; ok otherwise. */
export function letterIssuable(draft: LetterDraft): Result<LetterDraft, LetterRefusal> {
  const first = draft.missing[0];
  if (first === undefined) return ok(draft);
  const others = draft.missing.length - 1;
  return err({
    code: 'LETTER_PART_MISSING',
    part: first.part,
    clause: first.clause,
    missing: draft.missing,
    message:
      `The letter cannot be issued without "${first.label}" (Code ${first.clause}).` +
      (others > 0 ? ` ${others} more required part${others === 1 ? ' is' : 's are'} missing.` : ''),
  });
}

function notTaken(message: string): Result<never, LetterRefusal> {
  return err({ code: 'LETTER_STEP_NOT_TAKEN', message });
}

function factsOf(
  state: ComplaintState,
  request: LetterRequest,
  context: LetterContext,
): Result<Facts, LetterRefusal> {
  const { kind, stage: number } = request;
  const ombudsman = ombudsmanContact(request.ombudsman, context.template);
  if (kind === 'acceptance-refusal') {
    if (state.refusal === null) return notTaken('The complaint has not been refused.');
    const { reason, explanation, at } = state.refusal;
    return ok({
      at,
      texts: {
        'refusal-reason': `${REFUSAL_REASON_LABELS[reason]}. ${explanation}`,
        'ombudsman-right': ombudsmanRight(ombudsman),
      },
    });
  }
  if (kind === 'escalation-refusal') {
    if (state.escalationRefusal === null) {
      return notTaken('No request to take the complaint to stage 2 has been refused.');
    }
    const { reason, explanation, at } = state.escalationRefusal;
    return ok({
      at,
      texts: {
        'refusal-reason': `${ESCALATION_REFUSAL_REASON_LABELS[reason]}. ${explanation}`,
        'ombudsman-right': ombudsmanRight(ombudsman),
      },
    });
  }
  const stage = state.stages[number - 1];
  if (stage === undefined) return notTaken(`The complaint has not reached stage ${number}.`);
  if (kind === 'acknowledgement') {
    if (stage.acknowledgedAt === null) {
      return notTaken(`Stage ${number} has not been acknowledged yet.`);
    }
    const due = deriveDeadlines(state, { holidays: context.holidays }).find(
      (deadline) => deadline.stage === number && deadline.kind === 'respond',
    );
    return ok({
      at: stage.acknowledgedAt,
      texts: {
        'complaint-definition': stage.understanding ?? '',
        'outcome-sought': stage.outcomeSought ?? (number === 1 ? (state.desiredOutcome ?? '') : ''),
        'response-due': due
          ? `We will send you our ${number === 1 ? 'stage 1' : 'stage 2'} response by ${letterDate(due.dueOn)}.`
          : '',
      },
    });
  }
  if (kind === 'extension') {
    const extension = stage.extensions.at(-1);
    if (extension === undefined) return notTaken(`Stage ${number}'s reply has not been extended.`);
    return ok({
      at: extension.at,
      texts: {
        'extension-reason': [extension.reason, extension.exceptionalReason ?? '']
          .filter((line) => line.trim() !== '')
          .join('\n'),
        'new-due-date': extension.toDueOn
          ? `We will now reply by ${letterDate(extension.toDueOn)}.`
          : '',
        'ombudsman-contact': ombudsman,
      },
    });
  }
  if (stage.respondedAt === null || stage.outcome === null) {
    return notTaken(`Stage ${number} has not been responded to yet.`);
  }
  return ok({
    at: stage.respondedAt,
    texts: responseTexts(state, stage, request, context, ombudsman),
  });
}

function responseTexts(
  state: ComplaintState,
  stage: StageState,
  request: LetterRequest,
  context: LetterContext,
  ombudsman: string,
): Partial<Record<LetterPartId, string>> {
  const outcome = stage.outcome ?? 'not-upheld';
  const decided = new Map(
    (request.decisions ?? []).map((d) => [d.point.trim(), d.decision.trim()] as const),
  );
  const everyPointDecided = stage.points.every((p) => (decided.get(p.point.trim()) ?? '') !== '');
  const decision = everyPointDecided
    ? [
        `Our decision: your complaint is ${OUTCOME_LABELS[outcome].toLowerCase()}.`,
        ...stage.points.map(
          (p) => `${p.point.trim().replace(/[.:;,]+$/, '')}: ${decided.get(p.point.trim())}`,
        ),
      ].join('\n')
    : '';
  const remedies = state.remedies.filter((remedy) => remedy.stage === stage.stage);
  const remedy =
    remedies.length > 0
      ? remedies
          .map((r) =>
            [
              `${REMEDY_LABELS[r.kind]}: ${r.description}`,
              r.amountPence !== null ? ` (${pounds(r.amountPence)})` : '',
            ].join(''),
          )
          .join('\n')
      : outcome === 'not-upheld'
        ? 'As we have not upheld your complaint, no remedy is due.'
        : '';
  const open = state.actions.filter((action) => action.completedAt === null);
  const outstanding =
    open.length > 0
      ? open.map((a) => `${a.description}, by ${letterDate(a.dueOn)}`).join('\n')
      : 'Nothing is outstanding: everything we agreed to do is done.';
  const texts: Partial<Record<LetterPartId, string>> = {
    'complaint-definition': stage.understanding ?? '',
    'decision-on-each-point': decision,
    reasons: stage.findings ?? '',
    remedy,
    'outstanding-actions': outstanding,
  };
  if (stage.stage === 1) texts['how-to-escalate'] = context.template.escalationHowTo;
  else texts['ombudsman-route'] = ombudsmanRoute(ombudsman);
  return texts;
}

function ombudsmanContact(which: Ombudsman | undefined, template: LetterTemplate): string {
  return which === 'local-government-ombudsman' ? template.lgscoContact : template.ombudsmanContact;
}

function ombudsmanRight(contact: string): string {
  return contact.trim() === ''
    ? ''
    : `You have the right to take your complaint to the Ombudsman.\n${contact}`;
}

function ombudsmanRoute(contact: string): string {
  return contact.trim() === ''
    ? ''
    : `This is our final response. If you are not satisfied, you can refer your complaint to the Ombudsman.\n${contact}`;
}

const DAYS = ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date as a letter to a resident writes it, in full: "Friday 27 November 2026". */
export function letterDate(date: LocalDate): string {
  // Epoch day 0, 1 January 1970, was a Thursday.
  const weekday = DAYS[((toEpochDay(date) % 7) + 7) % 7];
  return `${weekday} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
