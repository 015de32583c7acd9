import nodemailer from 'nodemailer';
import type { MailSettings } from './mail-settings.js';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly { readonly filename: string; readonly content: Buffer }[];
}

/** Sends one message; rejects when the server does not take it. */
export interface Mailer {
  send(message: MailMessage): Promise<{ readonly messageId: string | null }>;
  close(): void;
}

/** Mail through the landlord's SMTP server (nodemailer), a connection per message. */
export function smtpMailer(settings: MailSettings): Mailer {
  // Timeouts well inside the sender's lease on a letter (letter-sender.ts, 10 minutes).
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: 'application/pdf',
        })),
      });
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null };
    },
    close() {
      transport.close();
    },
  };
}
