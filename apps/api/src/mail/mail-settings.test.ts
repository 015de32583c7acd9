import { describe, expect, it } from 'vitest';
import { mailSettingsOf } from './mail-settings.js';

const fault = (message: string) => new Error(message);

describe('mailSettingsOf: REDRESS_SMTP_URL and REDRESS_MAIL_FROM', () => {
  it('leaves email off when neither is set', () => {
    expect(mailSettingsOf({}, fault)).toBeUndefined();
  });

  it('reads both', () => {
    expect(
      mailSettingsOf(
        {
          REDRESS_SMTP_URL: 'smtp://user:secret@mail.example.org:587',
          REDRESS_MAIL_FROM: 'Complaints <complaints@landlord.example>',
        },
        fault,
      ),
    ).toEqual({
      smtpUrl: 'smtp://user:secret@mail.example.org:587',
      from: 'Complaints <complaints@landlord.example>',
    });
  });

  it.each([
    [{ REDRESS_SMTP_URL: 'smtp://mail.example.org' }, /go together/],
    [{ REDRESS_MAIL_FROM: 'complaints@landlord.example' }, /go together/],
    [{ REDRESS_SMTP_URL: 'http://mail.example.org', REDRESS_MAIL_FROM: 'a@b.example' }, /SMTP URL/],
    [
      { REDRESS_SMTP_URL: 'smtp://mail.example.org', REDRESS_MAIL_FROM: 'complaints' },
      /email address/,
    ],
  ])('refuses %j, saying what to set', (env, message) => {
    expect(() => mailSettingsOf(env, fault)).toThrow(message);
  });
});
