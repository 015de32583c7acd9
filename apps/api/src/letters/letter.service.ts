import { randomUUID } from 'node:crypto';
import {
  composeLetter,
  DEFAULT_LETTER_TEMPLATE,
  letterIssuable,
  localDateOf,
  type BankHolidaysData,
  type LetterDraft,
  type LetterKind,
  type LetterPartId,
  type LetterRefusal,
  type LetterTemplate,
  type LocalDate,
  type Ombudsman,
  type StageNumber,
} from '@redress/domain';
import { actorOf, type Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Clock } from '../clock.js';
import type { ComplaintRecord, ComplaintService } from '../complaints/complaint.service.js';
import { BadUserInputError, LetterRefusedError, NotFoundError } from '../errors/app-errors.js';
import type { MailSettings } from '../mail/mail-settings.js';
import { isUuid } from '../shared/uuid.js';
import { letterHtml } from './letter-html.js';
import { letterPdf } from './letter-pdf.js';
import type { LetterRecord, LetterRepository } from './letter.repository.js';
import { checkTemplate, type LetterTemplateInput } from './letter-template-check.js';

export type { LetterRecord } from './letter.repository.js';

export const MAX_EDIT_LENGTH = 10_000;
/** More than a stage can raise; it stops a pasted list, not a person. */
export const MAX_DECISIONS = 100;

export interface LetterInput {
  readonly complaintId: string;
  readonly kind: LetterKind;
  readonly stage: StageNumber;
  /** The letter's date; absent: the day of the step it tells of. */
  readonly issuedOn?: LocalDate | null;
  readonly decisions?: readonly { readonly point: string; readonly decision: string }[];
  readonly edits?: readonly { readonly part: LetterPartId; readonly text: string }[];
  readonly ombudsman?: Ombudsman | null;
}

export interface IssueInput extends LetterInput {
  /** EMAIL: queued for the sender; POST: waiting to be marked as posted. */
  readonly delivery: 'EMAIL' | 'POST';
}

export interface LetterPreview {
  readonly draft: LetterDraft;
  readonly html: string;
}

export interface LetterServiceOptions {
  readonly clock: Clock;
  readonly holidays?: BankHolidaysData;
  /** Present when letters can be emailed (REDRESS_SMTP_URL). */
  readonly mail?: MailSettings;
}

/**
 * Letters to residents: composed from the case by the domain's rules, refused when a required
 * part is missing, stored as issued, and delivered by email or post. Every letter carries
 * personal data, so reading one needs complaints:personal as well as the case in one's scope.
 */
export class LetterService {
  constructor(
    readonly repository: LetterRepository,
    private readonly complaints: ComplaintService,
    private readonly options: LetterServiceOptions,
  ) {}

  /** Whether letters can go by email here. */
  get emailConfigured(): boolean {
    return this.options.mail !== undefined;
  }

  /** The letter as it would be issued now, with any required part still missing listed. */
  async preview(by: Principal, input: LetterInput): Promise<LetterPreview> {
    requirePermission(by, 'complaints:personal');
    const draft = await this.compose(by, input);
    return { draft, html: letterHtml(draft) };
  }

  async issue(by: Principal, input: IssueInput): Promise<LetterRecord> {
    requirePermission(by, 'complaints:write');
    requirePermission(by, 'complaints:personal');
    const composed = await this.compose(by, input);
    const issuable = letterIssuable(composed);
    if (!issuable.ok) throw refused(issuable.error);
    const draft = issuable.value;
    if (input.delivery === 'EMAIL') {
      if (!this.options.mail) {
        throw new LetterRefusedError(
          'EMAIL_NOT_CONFIGURED',
          'Letters cannot be emailed from this server: its SMTP server is not set (REDRESS_SMTP_URL, REDRESS_MAIL_FROM). Issue it for post instead.',
        );
      }
      if (draft.recipient.email === null) {
        throw new LetterRefusedError(
          'NO_EMAIL_ADDRESS',
          `${draft.recipient.name} has no email address on the case: issue the letter for post, or record their address first.`,
        );
      }
    }
    const actor = actorOf(by);
    const id = randomUUID();
    await this.repository.insert({
      id,
      complaintId: input.complaintId,
      draft,
      issuedAt: this.options.clock.now(),
      issuedById: `${actor.kind}:${actor.id}`,
      issuedByName: actor.name ?? actor.id,
      html: letterHtml(draft),
      pdf: await letterPdf(draft),
      delivery: input.delivery === 'EMAIL' ? 'EMAIL_QUEUED' : 'AWAITING_POST',
    });
    return (await this.repository.findById(id)) as LetterRecord;
  }

  /** Each case's letters; the cases were read in the caller's scope already. */
  async lettersOf(
    by: Principal,
    complaintIds: readonly string[],
  ): Promise<Map<string, LetterRecord[]>> {
    requirePermission(by, 'complaints:personal');
    return this.repository.findByComplaintIds(complaintIds);
  }

  /** One letter, if its case is one the caller may see; NOT_FOUND otherwise. */
  async find(by: Principal, id: string): Promise<LetterRecord> {
    requirePermission(by, 'complaints:personal');
    const letter = isUuid(id) ? await this.repository.findById(id) : null;
    if (!letter || !(await this.complaints.findById(by, letter.complaintId))) {
      throw new NotFoundError('letter', id);
    }
    return letter;
  }

  /** The letter exactly as it was issued, as PDF or HTML. */
  async rendering(by: Principal, id: string, format: 'pdf' | 'html'): Promise<Buffer> {
    const letter = await this.find(by, id);
    return (await this.repository.renderingOf(letter.id, format)) as Buffer;
  }

  /** A letter whose email failed, queued to be sent again now. */
  async retry(by: Principal, id: string): Promise<LetterRecord> {
    requirePermission(by, 'complaints:write');
    const letter = await this.find(by, id);
    if (!this.options.mail) {
      throw new LetterRefusedError(
        'EMAIL_NOT_CONFIGURED',
        'The letter cannot be emailed again: this server has no SMTP server set (REDRESS_SMTP_URL). Post it and mark it as posted.',
      );
    }
    const queued = await this.repository.requeue(letter.id, this.options.clock.now());
    if (!queued) {
      throw new LetterRefusedError(
        'LETTER_NOT_FAILED',
        `Only a letter whose email failed can be sent again; this one is ${letter.delivery.toLowerCase().replace('_', ' ')}.`,
      );
    }
    return queued;
  }

  /** A letter put in the post: one issued for post, or one whose email failed. */
  async markPosted(by: Principal, id: string, postedOn: LocalDate | null): Promise<LetterRecord> {
    requirePermission(by, 'complaints:write');
    const letter = await this.find(by, id);
    const on = postedOn ?? this.today();
    if (on < letter.draft.issuedOn || on > this.today()) {
      throw new BadUserInputError(
        `postedOn must be between the letter's date (${letter.draft.issuedOn}) and today.`,
        'postedOn',
      );
    }
    const actor = actorOf(by);
    const posted = await this.repository.markPosted(letter.id, on, actor.name ?? actor.id);
    if (!posted) {
      throw new LetterRefusedError(
        'LETTER_NOT_AWAITING_POST',
        `This letter is ${letter.delivery.toLowerCase().replace('_', ' ')}: only one waiting to be posted, or whose email failed, can be marked as posted.`,
      );
    }
    return posted;
  }

  async template(by: Principal): Promise<{ template: LetterTemplate; updatedAt: Date | null }> {
    requirePermission(by, 'policies:read');
    const stored = await this.repository.template();
    return stored ?? { template: DEFAULT_LETTER_TEMPLATE, updatedAt: null };
  }

  async updateTemplate(by: Principal, input: LetterTemplateInput): Promise<LetterTemplate> {
    requirePermission(by, 'policies:write');
    const template = await checkTemplate(input);
    const actor = actorOf(by);
    await this.repository.saveTemplate(
      template,
      this.options.clock.now(),
      `${actor.kind}:${actor.id}`,
    );
    return template;
  }

  private async compose(by: Principal, input: LetterInput): Promise<LetterDraft> {
    if (input.stage !== 1 && input.stage !== 2) {
      throw new BadUserInputError('stage must be 1 or 2: a complaint has two stages.', 'stage');
    }
    const complaint = await this.complaintFor(by, input.complaintId);
    if ((input.decisions ?? []).length > MAX_DECISIONS) {
      throw new BadUserInputError(`At most ${MAX_DECISIONS} decisions in a letter.`, 'decisions');
    }
    for (const { point, decision } of input.decisions ?? []) {
      if (point.length > MAX_EDIT_LENGTH || decision.length > MAX_EDIT_LENGTH) {
        throw new BadUserInputError(
          `A point or its decision is over ${MAX_EDIT_LENGTH} characters.`,
          'decisions',
        );
      }
    }
    const edits: Partial<Record<LetterPartId, string>> = {};
    for (const edit of input.edits ?? []) {
      if (edit.text.length > MAX_EDIT_LENGTH) {
        throw new BadUserInputError(
          `The text for "${edit.part}" is ${edit.text.length} characters; at most ${MAX_EDIT_LENGTH}.`,
          'edits',
        );
      }
      edits[edit.part] = edit.text;
    }
    const { template } = await this.template(by);
    const composed = composeLetter(
      complaint.state,
      {
        kind: input.kind,
        stage: input.stage,
        issuedOn: input.issuedOn ?? null,
        ...(input.decisions ? { decisions: input.decisions } : {}),
        edits,
        ...(input.ombudsman ? { ombudsman: input.ombudsman } : {}),
      },
      { template, ...(this.options.holidays ? { holidays: this.options.holidays } : {}) },
    );
    if (!composed.ok) throw refused(composed.error);
    return composed.value;
  }

  private async complaintFor(by: Principal, id: string): Promise<ComplaintRecord> {
    const complaint = await this.complaints.findById(by, id);
    if (!complaint) throw new NotFoundError('complaint', id);
    return complaint;
  }

  private today(): LocalDate {
    return localDateOf(this.options.clock.now());
  }
}

function refused(refusal: LetterRefusal): Error {
  if (refusal.code === 'INVALID_COMMAND') return new BadUserInputError(refusal.message, 'issuedOn');
  return new LetterRefusedError(refusal.code, refusal.message, {
    ...(refusal.part ? { part: refusal.part, clause: refusal.clause ?? '' } : {}),
    ...(refusal.missing
      ? { missing: refusal.missing.map(({ part, clause }) => ({ part, clause })) }
      : {}),
  });
}
