import type { SecurityLog } from '../audit/security-log.service.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Clock } from '../clock.js';
import type { ComplaintRecord } from '../complaints/complaint.service.js';
import { BadUserInputError, NotFoundError } from '../errors/app-errors.js';
import { isUuid } from '../shared/uuid.js';
import {
  describePerson,
  parsePersonQuery,
  residentKeyHashesOf,
  type PersonQuery,
} from './person-query.js';
import type { RecordBundle } from './record-bundle.js';
import { recordBundleJson } from './record-bundle-json.js';
import { recordBundlePdf } from './record-bundle-pdf.js';
import { gatherCaseRecords, type RecordSources } from './record-gathering.js';
import type { RecordsRepository } from './records.repository.js';

export type BundleFormat = 'json' | 'pdf';

export interface RecordsServiceDeps extends RecordSources {
  readonly repository: RecordsRepository;
  readonly securityLog: SecurityLog;
  readonly clock: Clock;
}

export interface SubjectAccessRequest {
  /** As asked for: json or pdf. */
  readonly format: string | null;
  /** The person, as the request's JSON body; read only once the caller may ask. */
  readonly body: () => Promise<unknown>;
}

export interface CaseFile {
  readonly reference: string;
  readonly pdf: Buffer;
}

export interface SubjectAccessExport {
  /** How many cases were found. */
  readonly cases: number;
  readonly json?: unknown;
  readonly pdf?: Buffer;
}

/**
 * A resident's records as a whole, each export recorded in the security log: the Ombudsman's
 * case file (one case, for whoever may read its personal data) and a subject access export
 * (every case of a person, for records:manage).
 */
export class RecordsService {
  constructor(private readonly deps: RecordsServiceDeps) {}

  /** The case's complete record as one PDF; NOT_FOUND for a case the caller may not see. */
  async caseFile(by: Principal, complaintId: string, address: string | null): Promise<CaseFile> {
    requirePermission(by, 'complaints:personal');
    const complaint = isUuid(complaintId)
      ? await this.deps.complaints.findById(by, complaintId)
      : null;
    if (!complaint) throw new NotFoundError('complaint', complaintId);
    const bundle = await this.bundle(by, 'case-file', complaint.state.reference, [complaint]);
    const reference = complaint.state.reference;
    const pdf = await recordBundlePdf(bundle, {
      title: `Case file ${reference}`,
      lines: [
        `The complete record of complaint ${reference}, for the Ombudsman: the case, its timeline, every deadline and how it was counted, each letter exactly as issued, the notes and contact log, the files attached, and the policy it was handled under with its departures from the Complaint Handling Code.`,
      ],
    });
    await this.deps.securityLog.record(
      'case-file-exported',
      by,
      { kind: 'complaint', id: complaint.state.id },
      {
        reference,
        letters: bundle.cases[0]?.letters.length ?? 0,
        attachments: bundle.cases[0]?.attachments.length ?? 0,
      },
      address,
    );
    return { reference, pdf };
  }

  /**
   * Everything held about the person the body names, found by their resident keys. Nobody
   * found is an answer too: a bundle saying nothing is held. The log keeps the number of cases,
   * never the person's details.
   */
  async subjectAccess(
    by: Principal,
    request: SubjectAccessRequest,
    address: string | null,
  ): Promise<SubjectAccessExport> {
    requirePermission(by, 'records:manage');
    const format = bundleFormatOf(request.format);
    const person = parsePersonQuery(await request.body());
    const complaints = await this.findCases(by, person);
    const bundle = await this.bundle(by, 'subject-access', describePerson(person), complaints);
    const result: SubjectAccessExport =
      format === 'json'
        ? { cases: complaints.length, json: recordBundleJson(bundle) }
        : {
            cases: complaints.length,
            pdf: await recordBundlePdf(bundle, {
              title: 'Subject access: everything held',
              lines: [
                `Everything Redress holds about the person found by ${bundle.subject}: ${complaints.length === 1 ? 'one complaint' : `${complaints.length} complaints`}, each with its timeline, deadlines, letters as issued, notes, contact log, attachments and the policy it was handled under.`,
              ],
            }),
          };
    await this.deps.securityLog.record(
      'subject-access-exported',
      by,
      null,
      { cases: complaints.length, format },
      address,
    );
    return result;
  }

  /** The person's cases, oldest first, read in the caller's scope. */
  async casesOfPerson(by: Principal, person: unknown): Promise<ComplaintRecord[]> {
    requirePermission(by, 'records:manage');
    return this.findCases(by, parsePersonQuery(person));
  }

  private async findCases(by: Principal, person: PersonQuery): Promise<ComplaintRecord[]> {
    const ids = await this.deps.repository.findCaseIdsOfPerson(residentKeyHashesOf(person));
    const complaints: ComplaintRecord[] = [];
    for (const id of ids) {
      const complaint = await this.deps.complaints.findById(by, id);
      if (complaint) complaints.push(complaint);
    }
    return complaints;
  }

  private async bundle(
    by: Principal,
    kind: RecordBundle['kind'],
    subject: string,
    complaints: readonly ComplaintRecord[],
  ): Promise<RecordBundle> {
    return {
      kind,
      producedAt: this.deps.clock.now().toISOString(),
      producedBy: actorOf(by),
      subject,
      cases: await gatherCaseRecords(this.deps, by, complaints),
    };
  }
}

function bundleFormatOf(format: string | null): BundleFormat {
  if (format === 'json' || format === 'pdf') return format;
  throw new BadUserInputError(
    `format must be json or pdf, e.g. POST /records/subject-access?format=pdf${format === null ? '' : ` (not "${format}")`}.`,
    'format',
  );
}
