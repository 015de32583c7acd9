import type { AttachmentRecord } from './attachment.repository.js';
import type { AttachmentType } from './attachment.type.js';

/** Where a file's bytes are read: `GET /attachments/<id>`, with the same bearer token. */
export function attachmentDownloadPath(id: string): string {
  return `/attachments/${id}`;
}

/** The attachment as GraphQL answers it. */
export function toAttachmentType(record: AttachmentRecord): AttachmentType {
  return {
    id: record.id,
    complaintId: record.complaintId,
    fileName: record.fileName,
    contentType: record.contentType,
    sizeBytes: record.sizeBytes,
    sha256: record.sha256,
    description: record.description,
    uploadedBy: {
      kind: record.uploadedBy.kind,
      id: record.uploadedBy.id,
      name: record.uploadedBy.name ?? null,
    },
    uploadedAt: record.uploadedAt.toISOString(),
    downloadPath: attachmentDownloadPath(record.id),
  };
}
