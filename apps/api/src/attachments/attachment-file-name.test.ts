import { describe, expect, it } from 'vitest';
import {
  contentDisposition,
  MAX_FILE_NAME_LENGTH,
  sanitiseFileName,
} from './attachment-file-name.js';

describe('sanitiseFileName', () => {
  it.each([
    ['boiler photo.jpg', 'boiler photo.jpg'],
    ['C:\\Users\\jordan\\Letter to landlord.pdf', 'Letter to landlord.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['  two   spaces\there.png ', 'two spaces here.png'],
    ['photo\u202egpj.exe', 'photogpj.exe'],
    ['line\r\nbreak.pdf', 'line break.pdf'],
    ['Café résumé.docx', 'Café résumé.docx'],
    ['..', null],
    ['/', null],
    ['\u0000\u0007', null],
  ])('%j → %j', (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it('shortens a long name to 255 characters, keeping its extension', () => {
    const name = sanitiseFileName(`${'é'.repeat(400)}.pdf`);
    expect([...(name ?? '')]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name?.endsWith('é.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('offers the name as UTF-8, with an ASCII fallback that cannot break the header', () => {
    expect(contentDisposition('Lettre "reçue"; 2026.pdf')).toBe(
      `attachment; filename="Lettre _re_ue__ 2026.pdf"; filename*=UTF-8''Lettre%20%22re%C3%A7ue%22%3B%202026.pdf`,
    );
  });
});
