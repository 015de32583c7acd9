// The casework steps as the integration tests send them: one fragment of what each step changes,
// a document per step answering it, and helpers that run a step, or check that one is refused
// and wrote nothing.
import { expect } from 'vitest';
import { gqlData, gqlError, type Variables } from './graphql-client.js';
import { logInput } from './complaint-operations.js';

export const CASEWORK = /* GraphQL */ `
  fragment Casework on Complaint {
    id
    reference
    version
    status
    additionalComplainants {
      name
      type
    }
    contractor {
      name
      reference
    }
    stages {
      number
      points {
        point
      }
    }
    remedies {
      id
      stage
      kind
      amountPence
      answer {
        answer
        answerLabel
        note
      }
      payments {
        amountPence
        paidOn
      }
      paidPence
    }
    actions {
      id
      remedy
      remedyId
      updates {
        update
        method
      }
    }
    duplicates {
      id
      reference
    }
    mergedInto {
      id
      reference
    }
    ombudsmanReferrals {
      reference
      ombudsman
      ombudsmanLabel
      determination {
        determinedOn
        findings
        findingLabels
        summary
      }
      orders {
        id
        kind
        description
        dueOn
        compliedOn
        note
      }
    }
    events {
      type
      data
    }
  }
`;

export interface Casework {
  readonly id: string;
  readonly reference: string;
  readonly version: number;
  readonly status: string;
  readonly additionalComplainants: { name: string; type: string }[];
  readonly contractor: { name: string; reference: string | null } | null;
  readonly stages: { number: number; points: { point: string }[] }[];
  readonly remedies: {
    id: string;
    stage: number;
    kind: string;
    amountPence: number | null;
    answer: { answer: string; answerLabel: string; note: string | null } | null;
    payments: { amountPence: number; paidOn: string }[];
    paidPence: number;
  }[];
  readonly actions: {
    id: string;
    remedy: string | null;
    remedyId: string | null;
    updates: { update: string; method: string }[];
  }[];
  readonly duplicates: { id: string; reference: string }[];
  readonly mergedInto: { id: string; reference: string } | null;
  readonly ombudsmanReferrals: {
    reference: string;
    ombudsman: string;
    ombudsmanLabel: string;
    determination: {
      determinedOn: string;
      findings: string[];
      findingLabels: string[];
      summary: string;
    } | null;
    orders: {
      id: string;
      kind: string;
      description: string;
      dueOn: string;
      compliedOn: string | null;
      note: string | null;
    }[];
  }[];
  readonly events: { type: string; data: Record<string, unknown> }[];
}

/** The operations, each answering the complaint through the fragment. */
export const OPS = {
  log: `mutation ($input: LogComplaintInput!, $at: DateTime) { out: logComplaint(input: $input, at: $at) { ...Casework } }`,
  get: `query ($id: ID!) { out: complaint(id: $id) { ...Casework } }`,
  byReference: `query ($reference: String!) { out: complaintByReference(reference: $reference) { ...Casework } }`,
  acknowledge: `mutation ($id: ID!, $at: DateTime) { out: acknowledgeComplaint(id: $id, at: $at) { ...Casework } }`,
  respond: `mutation ($id: ID!, $input: RespondInput!, $at: DateTime) { out: respondToComplaint(id: $id, input: $input, at: $at) { ...Casework } }`,
  withdraw: `mutation ($id: ID!) { out: withdrawComplaint(id: $id, reason: "The resident moved away.") { ...Casework } }`,
  agreeAction: `mutation ($id: ID!, $input: AgreeActionInput!) { out: agreeAction(complaintId: $id, input: $input) { ...Casework } }`,
  completeAction: `mutation ($id: ID!, $actionId: ID!) { out: completeAction(complaintId: $id, actionId: $actionId) { ...Casework } }`,
  addPoint: `mutation ($id: ID!, $point: String!, $v: Int) { out: addComplaintPoint(id: $id, point: $point, expectedVersion: $v) { ...Casework } }`,
  addComplainant: `mutation ($id: ID!, $complainant: ComplainantInput!) { out: addComplainant(id: $id, complainant: $complainant) { ...Casework } }`,
  recordContractor: `mutation ($id: ID!, $contractor: ContractorInput!) { out: recordContractor(id: $id, contractor: $contractor) { ...Casework } }`,
  merge: `mutation ($duplicateId: ID!, $intoId: ID!, $v: Int, $intoV: Int) { out: mergeComplaint(duplicateId: $duplicateId, intoId: $intoId, expectedVersion: $v, intoExpectedVersion: $intoV) { ...Casework } }`,
  update: `mutation ($id: ID!, $actionId: ID!, $update: String!, $method: ContactMethod!) { out: updateOnAction(complaintId: $id, actionId: $actionId, update: $update, method: $method) { ...Casework } }`,
  answer: `mutation ($id: ID!, $remedyId: ID!, $answer: RemedyAnswer!, $note: String) { out: answerRemedy(complaintId: $id, remedyId: $remedyId, answer: $answer, note: $note) { ...Casework } }`,
  pay: `mutation ($id: ID!, $remedyId: ID!, $amountPence: Int!, $paidOn: LocalDate!) { out: payRemedy(complaintId: $id, remedyId: $remedyId, amountPence: $amountPence, paidOn: $paidOn) { ...Casework } }`,
  close: `mutation ($id: ID!) { out: closeComplaint(id: $id) { ...Casework } }`,
  refer: `mutation ($id: ID!, $reference: String!, $ombudsman: Ombudsman) { out: referToOmbudsman(id: $id, reference: $reference, ombudsman: $ombudsman) { ...Casework } }`,
  determine: `mutation ($id: ID!, $input: RecordDeterminationInput!) { out: recordOmbudsmanDetermination(complaintId: $id, input: $input) { ...Casework } }`,
  comply: `mutation ($id: ID!, $reference: String!, $orderId: ID!, $compliedOn: LocalDate!, $note: String) { out: recordOrderCompliance(complaintId: $id, reference: $reference, orderId: $orderId, compliedOn: $compliedOn, note: $note) { ...Casework } }`,
} as const;

export type Op = keyof typeof OPS;

export interface Refusal {
  readonly code: unknown;
  readonly refusal: unknown;
  readonly field: unknown;
  readonly message: string;
}

/** The steps against the server at `url()` (read when each runs: the server starts later). */
export function caseworkSteps(url: () => string) {
  async function run(
    op: Op,
    variables: Variables,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<Casework> {
    const data = await gqlData<{ out: Casework | null }>(
      url(),
      `${OPS[op]}\n${CASEWORK}`,
      variables,
      headers,
    );
    if (!data.out) throw new Error(`${op} answered no complaint`);
    return data.out;
  }

  /** The one error a step answers, and that it left the complaint as it was. */
  async function refused(
    op: Op,
    variables: Variables,
    before: Casework,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<Refusal> {
    const error = await gqlError(url(), `${OPS[op]}\n${CASEWORK}`, variables, headers);
    const after = await run('get', { id: before.id });
    expect(after.version, `${op} wrote to ${before.reference} though it was refused`).toBe(
      before.version,
    );
    return {
      code: error.extensions?.code,
      refusal: error.extensions?.refusal,
      field: error.extensions?.field,
      message: error.message,
    };
  }

  const log = (overrides: Record<string, unknown> = {}, headers = {}) =>
    run(
      'log',
      { input: logInput('2026-11-06T10:00:00Z', overrides), at: '2026-11-06T10:00:00Z' },
      headers,
    );

  /** Logged, acknowledged and answered with an apology (1.1) and £150 compensation (1.2). */
  async function responded(remedies?: unknown[]): Promise<Casework> {
    const c = await log();
    await run('acknowledge', { id: c.id, at: '2026-11-09T10:00:00Z' });
    return run('respond', {
      id: c.id,
      at: '2026-11-20T10:00:00Z',
      input: {
        outcome: 'UPHELD',
        findings: 'The extractor fan was never fitted, so the mould came back.',
        remedies: remedies ?? [
          { kind: 'APOLOGY', description: 'An apology in writing.' },
          { kind: 'FINANCIAL_COMPENSATION', description: 'Damaged furniture.', amountPence: 15000 },
        ],
      },
    });
  }

  return { run, refused, log, responded };
}

export const RESIDENT = { name: 'Priya Shah', type: 'TENANT', email: 'priya.shah@example.org' };
