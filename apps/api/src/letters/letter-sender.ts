import type { Clock } from '../clock.js';
import type { Mailer } from '../mail/mailer.js';
import { letterText, letterTitle } from './letter-document.js';
import type { LetterRecord, LetterRepository } from './letter.repository.js';
import { PeriodicTask } from '../shared/periodic-task.js';

/**
 * How long after each failed attempt the next is made. After the last, the letter is FAILED:
 * shown on the case for a person to send again or post, never dropped.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  60_000, // 1 minute
  5 * 60_000, // 5 minutes
  30 * 60_000, // 30 minutes
  2 * 3_600_000, // 2 hours
  6 * 3_600_000, // 6 hours
];
/** Attempts in all: the first and one after each delay. */
export const MAX_SEND_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

export interface LetterSenderDeps {
  readonly letters: LetterRepository;
  readonly clock: Clock;
  /** Absent when the server has no SMTP server: queued letters fail with that reason. */
  readonly mailer?: Mailer;
  readonly log?: (message: string, error?: unknown) => void;
  /** Letters claimed per transaction (default 20). */
  readonly batchSize?: number;
}

export interface SendResult {
  readonly sent: string[];
  readonly failed: { readonly id: string; readonly error: string; readonly final: boolean }[];
}

/** How long a claimed letter is left to its sender: well beyond the mailer's own timeouts. */
export const SEND_LEASE_MS = 10 * 60_000;

/**
 * Sends the letters queued for email. Each is claimed for a lease (FOR UPDATE SKIP LOCKED, in
 * one statement), sent with no transaction open, and its attempt recorded: however many API
 * instances run a sender, a letter is sent by one at a time, and a slow mail server holds up
 * no one else's queries.
 */
export class LetterSender {
  private readonly task = new PeriodicTask(
    () => this.runOnce(),
    (error) => this.deps.log?.('The letter sender failed a run', error),
  );

  constructor(private readonly deps: LetterSenderDeps) {}

  start(intervalMs = 15_000): void {
    this.task.start(intervalMs);
  }

  async stop(): Promise<void> {
    await this.task.stop();
    this.deps.mailer?.close();
  }

  /** Every email now due, attempted once. */
  async runOnce(): Promise<SendResult> {
    const result: SendResult = { sent: [], failed: [] };
    const batchSize = this.deps.batchSize ?? 20;
    for (;;) {
      const now = this.deps.clock.now();
      const due = await this.deps.letters.claimDueEmails(
        now,
        new Date(now.getTime() + SEND_LEASE_MS),
        batchSize,
      );
      for (const letter of due) await this.attempt(letter, result);
      if (due.length < batchSize) return result;
    }
  }

  private async attempt(letter: LetterRecord, result: SendResult): Promise<void> {
    const { draft } = letter;
    try {
      if (!this.deps.mailer) {
        throw new Error('this server has no SMTP server set (REDRESS_SMTP_URL)');
      }
      if (draft.recipient.email === null) throw new Error('the letter has no email address');
      const { pdf, html } = await this.deps.letters.emailPartsOf(letter.id);
      const sent = await this.deps.mailer.send({
        to: draft.recipient.email,
        subject: `${letterTitle(draft)} (${draft.reference})`,
        text: letterText(draft),
        html,
        attachments: [{ filename: letterFileName(letter), content: pdf }],
      });
      await this.deps.letters.markSent(letter.id, this.deps.clock.now(), sent.messageId);
      result.sent.push(letter.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const delay = RETRY_DELAYS_MS[letter.attempts];
      const retryAt =
        delay === undefined ? null : new Date(this.deps.clock.now().getTime() + delay);
      await this.deps.letters.markAttemptFailed(letter.id, message.slice(0, 1_000), retryAt);
      result.failed.push({ id: letter.id, error: message, final: retryAt === null });
      this.deps.log?.(
        `Letter ${letter.id} (${draft.reference}) was not sent: attempt ${letter.attempts + 1} of ${MAX_SEND_ATTEMPTS}`,
        error,
      );
    }
  }
}

/** cmp-2026-000123-stage-1-response.pdf */
export function letterFileName(letter: Pick<LetterRecord, 'draft'>): string {
  const { reference, kind, stage } = letter.draft;
  const staged =
    kind === 'acceptance-refusal' || kind === 'escalation-refusal' ? '' : `stage-${stage}-`;
  return `${reference.toLowerCase()}-${staged}${kind}.pdf`;
}
