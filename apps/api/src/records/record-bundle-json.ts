// The bundle as JSON: the documented, versioned shape of docs/api.md ("Residents' records"),
// every file's bytes in base64 beside what the file is.
import { RECORD_BUNDLE_VERSION, type RecordBundle } from './record-bundle.js';

export const RECORD_BUNDLE_FORMAT = 'redress-record-bundle';

export function recordBundleJson(bundle: RecordBundle): unknown {
  return {
    format: RECORD_BUNDLE_FORMAT,
    version: RECORD_BUNDLE_VERSION,
    kind: bundle.kind,
    producedAt: bundle.producedAt,
    producedBy: bundle.producedBy,
    subject: bundle.subject,
    nothingHeld: bundle.cases.length === 0,
    cases: bundle.cases.map((record) => ({
      ...record,
      letters: record.letters.map(({ pdf, ...letter }) => ({
        ...letter,
        contentType: 'application/pdf',
        sizeBytes: pdf.length,
        contentBase64: pdf.toString('base64'),
      })),
      attachments: record.attachments.map(({ content, ...attachment }) => ({
        ...attachment,
        contentBase64: content.toString('base64'),
      })),
    })),
  };
}
