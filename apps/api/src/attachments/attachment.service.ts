import { createHash, randomUUID } from 'node:crypto';
import { scopeAdmits, type ComplaintPlacement } from '@redress/domain';
import type { SecurityLog } from '../audit/security-log.service.js';
import { actorOf, can, complaintScopeOf, type Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Clock } from '../clock.js';
import type { Transactions } from '../database/transactions.js';
import {
  AttachmentRefusedError,
  BadUserInputError,
  NotFoundError,
  UnauthenticatedError,
} from '../errors/app-errors.js';
import type { AttachmentStorage } from './attachment-storage.js';
import { sanitiseFileName } from './attachment-file-name.js';
import type { AttachmentRecord, AttachmentRepository } from './attachment.repository.js';
import {
  ALLOWED_ATTACHMENT_NAMES,
  ALLOWED_ATTACHMENT_TYPES,
  detectAttachmentType,
} from './attachment-type.js';

/** The largest file taken: 20 MiB, a phone's photo several times over, or a long scanned letter. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The longest description, in characters. */
export const MAX_ATTACHMENT_DESCRIPTION = 2_000;

export interface UploadAttachmentInput {
  readonly complaintId: string;
  /** As the uploader named it; made safe to show before it is kept. */
  readonly fileName: string;
  readonly description?: string | null;
}

/**
 * Reads the file's bytes, stopping once more than `limit` have come: null then, and the rest
 * is never read. Called only once the caller may attach to the case.
 */
export type AttachmentBodyReader = (limit: number) => Promise<Uint8Array | null>;

export interface AttachmentDownload {
  readonly attachment: AttachmentRecord;
  readonly content: Buffer;
}

export interface AttachmentServiceDeps {
  readonly repository: AttachmentRepository;
  readonly storage: AttachmentStorage;
  readonly transactions: Transactions;
  /** Where each case sits (assignee, team, the key that logged it), for the caller's scope. */
  readonly placements: (ids: readonly string[]) => Promise<Map<string, ComplaintPlacement>>;
  readonly securityLog: SecurityLog;
  readonly clock: Clock;
  readonly log?: (message: string, error?: unknown) => void;
}

/**
 * Files on a case, behind the case's own rules: a case outside the caller's scope has no files
 * for them, and its files are personal data (`complaints:personal`).
 */
export class AttachmentService {
  constructor(private readonly deps: AttachmentServiceDeps) {}

  /**
   * Attaches a file: checks who asks and the case before a byte is read, then the size and the
   * type the bytes are. The bytes are stored first and the row after, in a transaction; when
   * the row cannot be written the bytes are deleted again, so nothing is left half-made.
   */
  async upload(
    by: Principal,
    input: UploadAttachmentInput,
    read: AttachmentBodyReader,
  ): Promise<AttachmentRecord> {
    requirePermission(by, 'complaints:write');
    requirePermission(by, 'complaints:personal');
    const fileName = sanitiseFileName(input.fileName);
    if (fileName === null) {
      throw new BadUserInputError(
        'fileName must name the file, e.g. fileName=boiler-photo.jpg.',
        'fileName',
      );
    }
    const description = input.description?.trim() || null;
    if (description !== null && [...description].length > MAX_ATTACHMENT_DESCRIPTION) {
      throw new BadUserInputError(
        `description is longer than ${MAX_ATTACHMENT_DESCRIPTION} characters.`,
        'description',
      );
    }
    const placement = (await this.deps.placements([input.complaintId])).get(input.complaintId);
    if (!placement || !scopeAdmits(complaintScopeOf(by), placement)) {
      throw new NotFoundError('complaint', input.complaintId);
    }

    const bytes = await read(MAX_ATTACHMENT_BYTES);
    if (bytes === null) {
      throw new AttachmentRefusedError(
        'ATTACHMENT_TOO_LARGE',
        `The file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB, the most an attachment may be. Send a smaller copy (a photo at a lower resolution, a document in parts).`,
        { maximumBytes: MAX_ATTACHMENT_BYTES },
      );
    }
    if (bytes.length === 0) {
      throw new AttachmentRefusedError(
        'ATTACHMENT_EMPTY',
        'The file is empty: send its bytes as the body of the request.',
      );
    }
    const type = await detectAttachmentType(bytes);
    if (!type.allowed) {
      throw new AttachmentRefusedError(
        'ATTACHMENT_TYPE_REFUSED',
        `${type.detected === null ? 'This file is of no type Redress recognises' : `This file is ${type.detected}`}, which cannot be attached: the accepted types are ${ALLOWED_ATTACHMENT_NAMES}. The type is read from the file's content, not its name.`,
        { detected: type.detected, allowed: Object.keys(ALLOWED_ATTACHMENT_TYPES) },
      );
    }

    const record: AttachmentRecord = {
      id: randomUUID(),
      complaintId: input.complaintId,
      fileName,
      contentType: type.contentType,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      description,
      uploadedBy: actorOf(by),
      uploadedAt: this.deps.clock.now(),
    };
    await this.deps.storage.put(record.id, bytes);
    try {
      await this.deps.transactions.run((tx) => this.deps.repository.insert(tx, record));
    } catch (error) {
      await this.deps.storage.delete(record.id).catch((failure: unknown) => {
        this.deps.log?.(`Could not delete the bytes of attachment ${record.id}`, failure);
      });
      throw error;
    }
    return record;
  }

  /**
   * A file and its bytes, for a caller who may read the case's personal data. To anyone else
   * it does not exist (NOT_FOUND, whether or not it does). Each download is recorded in the
   * security log: it is personal data leaving Redress for someone's disk.
   */
  async download(
    by: Principal,
    id: string,
    address: string | null = null,
  ): Promise<AttachmentDownload> {
    if (by.kind === 'anonymous') throw new UnauthenticatedError(by.refused);
    const notFound = new NotFoundError('attachment', id);
    if (!can(by, 'complaints:personal')) throw notFound;
    const attachment = await this.deps.repository.findById(id);
    if (!attachment) throw notFound;
    const placement = (await this.deps.placements([attachment.complaintId])).get(
      attachment.complaintId,
    );
    if (!placement || !scopeAdmits(complaintScopeOf(by), placement)) throw notFound;
    const content = await this.deps.storage.get(attachment.id);
    await this.deps.securityLog.record(
      'attachment-downloaded',
      by,
      { kind: 'attachment', id: attachment.id },
      {
        complaintId: attachment.complaintId,
        contentType: attachment.contentType,
        sizeBytes: attachment.sizeBytes,
      },
      address,
    );
    return { attachment, content };
  }

  /**
   * The files of cases the caller has already been given (a page of complaints, read in its
   * scope), oldest first: one statement for the page.
   */
  async forComplaints(
    by: Principal,
    complaintIds: readonly string[],
  ): Promise<Map<string, AttachmentRecord[]>> {
    requirePermission(by, 'complaints:personal');
    return this.deps.repository.findByComplaintIds(complaintIds);
  }
}
