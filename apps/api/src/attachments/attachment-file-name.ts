/** The longest file name kept, in characters. */
export const MAX_FILE_NAME_LENGTH = 255;

/**
 * A file name as given, made safe to show and to offer back as a download's name: no folders
 * (only what follows the last slash or backslash), no control or bidirectional-override
 * characters (which can make `photo‮gpj.exe` read as `photoexe.jpg`), spaces collapsed, at most
 * 255 characters with the extension kept. Null when nothing is left.
 */
export function sanitiseFileName(raw: string): string | null {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\t\n\v\f\r]/g, ' ')
    // Controls (C0, DEL, C1) and the bidirectional embedding, override and isolate marks.
    .replace(/[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return null;
  const chars = [...cleaned];
  if (chars.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? [...cleaned.slice(dot)] : [];
  if (extension.length === 0 || extension.length > 16) {
    return chars.slice(0, MAX_FILE_NAME_LENGTH).join('');
  }
  const stem = [...cleaned.slice(0, dot)].slice(0, MAX_FILE_NAME_LENGTH - extension.length);
  return [...stem, ...extension].join('');
}

/**
 * The Content-Disposition of a download under the name: an ASCII fallback for old clients and
 * the name itself as RFC 8187 UTF-8 (`filename*=UTF-8''…`).
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
