/** Where letters are emailed from: an SMTP server and the address they come from. */
export interface MailSettings {
  /** smtp://user:password@host:587 (STARTTLS when offered) or smtps://host:465. */
  readonly smtpUrl: string;
  /** The From of each letter: "Complaints team <complaints@landlord.example>". */
  readonly from: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * REDRESS_SMTP_URL and REDRESS_MAIL_FROM, both or neither; neither leaves email off, and a
 * letter can then only be posted. `fault` builds the error the configuration throws.
 */
export function mailSettingsOf(
  env: Env,
  fault: (message: string) => Error,
): MailSettings | undefined {
  const url = env.REDRESS_SMTP_URL?.trim() || undefined;
  const from = env.REDRESS_MAIL_FROM?.trim() || undefined;
  if (url === undefined && from === undefined) return undefined;
  if (url === undefined || from === undefined) {
    throw fault(
      'REDRESS_SMTP_URL and REDRESS_MAIL_FROM go together: set both to email letters, or neither to post them only.',
    );
  }
  if (!/^smtps?:\/\/[^/\s]+/.test(url)) {
    throw fault(
      'REDRESS_SMTP_URL must be an SMTP URL such as smtp://user:password@mail.example.org:587 or smtps://mail.example.org:465.',
    );
  }
  if (!/^(?:[^<>@]+<)?[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>?$/.test(from)) {
    throw fault(
      'REDRESS_MAIL_FROM must be an email address, optionally with a name: Complaints <complaints@landlord.example>.',
    );
  }
  return { smtpUrl: url, from };
}
