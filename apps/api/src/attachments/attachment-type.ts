import { fileTypeFromBuffer } from 'file-type';

/**
 * What may be attached to a case, by the type its bytes are found to be (never its name or the
 * type the sender claims): photos, the documents residents and staff write, and PDFs. Plain text
 * is not among them: nothing in text says what it is, so an HTML page or a script named
 * `letter.txt` would pass as text. A resident's email or note is attached as a PDF or a photo.
 */
export const ALLOWED_ATTACHMENT_TYPES = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'image/gif': 'GIF',
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text (ODT)',
} as const satisfies Readonly<Record<string, string>>;

export type AttachmentContentType = keyof typeof ALLOWED_ATTACHMENT_TYPES;

/** "JPEG, PNG, …": what a refusal names as accepted. */
export const ALLOWED_ATTACHMENT_NAMES = Object.values(ALLOWED_ATTACHMENT_TYPES).join(', ');

export type DetectedType =
  | { readonly allowed: true; readonly contentType: AttachmentContentType }
  | { readonly allowed: false; readonly detected: string | null };

function isAllowed(mime: string): mime is AttachmentContentType {
  return Object.hasOwn(ALLOWED_ATTACHMENT_TYPES, mime);
}

/** The type the bytes are, from their content (file-type's signatures), and whether it is accepted. */
export async function detectAttachmentType(bytes: Uint8Array): Promise<DetectedType> {
  const found = await fileTypeFromBuffer(bytes);
  if (found === undefined) return { allowed: false, detected: null };
  return isAllowed(found.mime)
    ? { allowed: true, contentType: found.mime }
    : { allowed: false, detected: found.mime };
}
