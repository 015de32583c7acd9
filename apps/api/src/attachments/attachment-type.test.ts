import { describe, expect, it } from 'vitest';
import {
  ELF_EXECUTABLE,
  HTML_PAGE,
  pdfBytes,
  pngBytes,
  storedZip,
} from '../test/attachment-files.js';
import { detectAttachmentType } from './attachment-type.js';

describe('detectAttachmentType', () => {
  it.each([
    ['a PNG', () => pngBytes(), 'image/png'],
    ['a PDF', () => pdfBytes('Dear Jordan'), 'application/pdf'],
    [
      'a JPEG',
      () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
      'image/jpeg',
    ],
    ['a GIF', () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'image/gif'],
    [
      'an OpenDocument text',
      () => storedZip('mimetype', 'application/vnd.oasis.opendocument.text'),
      'application/vnd.oasis.opendocument.text',
    ],
  ])('accepts %s by its bytes', async (_name, make, contentType) => {
    expect(await detectAttachmentType(await make())).toEqual({ allowed: true, contentType });
  });

  it.each([
    ['an HTML page', HTML_PAGE, null],
    ['plain text, which says nothing of what it is', Buffer.from('Dear Sir,\nthe boiler…'), null],
    ['a Linux executable', ELF_EXECUTABLE, 'application/x-elf'],
    [
      'a Windows executable',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
      'application/x-msdownload',
    ],
    ['a zip that is no document', storedZip('notes.txt', 'hello'), 'application/zip'],
  ])('refuses %s', async (_name, bytes, detected) => {
    expect(await detectAttachmentType(bytes)).toEqual({ allowed: false, detected });
  });
});
