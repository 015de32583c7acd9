// Residents' personal data is refused field by field to a caller without `complaints:personal`
// (an analyst): each such field answers null with a FORBIDDEN error on its path, and every other
// field is answered as it is to a handler. The list below is the product's record of what is
// personal; the schema's guards are held to it, both ways.
import { createPubSub } from '@graphql-yoga/subscription';
import {
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRedressSchema } from '../schema.js';
import {
  connectSubscriptions,
  gql,
  gqlData,
  type GraphQLResponse,
} from '../test/graphql-client.js';
import { logInput } from '../test/complaint-operations.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { signInNewUser, type SignedInUser } from '../test/test-principals.js';

/** Every field that carries personal data: names, contact details, residents' words, findings. */
const PERSONAL_FIELDS = [
  'Action.description',
  'Action.note',
  'ActionUpdate.update',
  'Complaint.additionalComplainants',
  'Complaint.attachments',
  'Complaint.complainant',
  'Complaint.desiredOutcome',
  'Complaint.letters',
  'Complaint.notes',
  'Complaint.representative',
  'Complaint.summary',
  'Complaint.withdrawnReason',
  'ComplaintEvent.data',
  'ComplaintRefusal.discretionConsidered',
  'ComplaintRefusal.explanation',
  'EscalationRefusal.explanation',
  'Extension.exceptionalReason',
  'Extension.reason',
  'Feedback.from',
  'Feedback.summary',
  'OmbudsmanDetermination.summary',
  'OmbudsmanOrder.description',
  'OmbudsmanOrder.note',
  'Remedy.description',
  'Reopening.reason',
  'RemedyAnswerRecord.note',
  'RemedyRecord.description',
  'Satisfaction.comment',
  'Stage.clarification',
  'Stage.escalationReason',
  'Stage.findings',
  'Stage.lateReason',
  'Stage.outcomeSought',
  'Stage.understanding',
  'StagePoint.point',
  'Stage2Reviewer.name',
] as const;
const PERSONAL: ReadonlySet<string> = new Set(PERSONAL_FIELDS);

let schema: GraphQLSchema;
let api: TestServer;
let analyst: SignedInUser;
let handler: SignedInUser;
/**
 * A complaint through both stages (extension, remedy, action), one refused, one withdrawn, one
 * whose escalation was refused before it was re-opened.
 */
const complaintIds: string[] = [];
let feedbackId: string;

beforeAll(async () => {
  schema = await buildRedressSchema({ pubSub: createPubSub() });
  api = await startTestServer({ now: '2026-11-09T09:00:00Z' });
  [analyst, handler] = await Promise.all([
    signInNewUser(api.services, 'ANALYST'),
    signInNewUser(api.services, 'HANDLER'),
  ]);
  const step = async (document: string, variables: Record<string, unknown>): Promise<string> => {
    const data = await gqlData<Record<string, { id: string }>>(api.url, document, variables);
    const [answer] = Object.values(data);
    if (!answer) throw new Error(`No answer to ${document}`);
    return answer.id;
  };
  const log = (overrides: Record<string, unknown> = {}) =>
    step(`mutation ($input: LogComplaintInput!) { logComplaint(input: $input) { id } }`, {
      input: logInput('2026-11-06T10:00:00Z', overrides),
    });

  const full = await log({
    representative: {
      name: 'Alex Ellis',
      role: 'FAMILY',
      contact: '07700 900123',
      consentGiven: true,
    },
    additionalComplainants: [{ name: 'Sam Ellis', type: 'TENANT', phone: '07700 900456' }],
  });
  await step(`mutation ($id: ID!) { acknowledgeComplaint(id: $id) { id } }`, { id: full });
  await step(
    `mutation ($id: ID!) { addComplaintPoint(id: $id, point: "Sam Ellis says the boiler cupboard is damp too.") { id } }`,
    { id: full },
  );
  await step(
    `mutation ($id: ID!) { extendResponseDeadline(id: $id, workingDays: 5, reason: "Awaiting the surveyor's report on the damp.", notice: { toldOn: "2026-11-09", method: EMAIL, ombudsmanDetailsGiven: true }) { id } }`,
    { id: full },
  );
  await step(
    `mutation ($id: ID!, $input: RespondInput!) { respondToComplaint(id: $id, input: $input) { id } }`,
    {
      id: full,
      input: {
        outcome: 'UPHELD',
        findings: 'Three visits treated the mould but not the leaking gutter above the bedroom.',
        remedies: [{ kind: 'APOLOGY', description: 'An apology to Jordan Ellis in writing.' }],
      },
    },
  );
  await step(
    `mutation ($id: ID!, $input: AgreeActionInput!) { agreeAction(complaintId: $id, input: $input) { id } }`,
    {
      id: full,
      input: {
        id: 'gutter',
        description: 'Replace the gutter above 12 Acacia Road.',
        owner: 'Repairs',
        dueOn: '2026-11-30',
      },
    },
  );
  await step(
    `mutation ($id: ID!) { updateOnAction(complaintId: $id, actionId: "gutter", update: "Jordan, the scaffold goes up on Monday.", method: PHONE) { id } }`,
    { id: full },
  );
  await step(
    `mutation ($id: ID!) { completeAction(complaintId: $id, actionId: "gutter", note: "Done; Jordan was home.") { id } }`,
    { id: full },
  );
  await step(
    `mutation ($id: ID!) { answerRemedy(complaintId: $id, remedyId: "1.1", answer: ACCEPTED, note: "Jordan Ellis accepted by phone.") { id } }`,
    { id: full },
  );
  await step(`mutation ($id: ID!) { referToOmbudsman(id: $id, reference: "202612345") { id } }`, {
    id: full,
  });
  await step(
    `mutation ($id: ID!, $input: RecordDeterminationInput!) { recordOmbudsmanDetermination(complaintId: $id, input: $input) { id } }`,
    {
      id: full,
      input: {
        reference: '202612345',
        determinedOn: '2026-11-09',
        findings: ['SERVICE_FAILURE'],
        summary: "The landlord was slow to find the leak above Jordan Ellis's bedroom.",
        orders: [
          {
            id: 'O1',
            kind: 'ORDER',
            description: 'Apologise to Jordan Ellis in person.',
            dueOn: '2026-12-07',
          },
        ],
      },
    },
  );
  await step(
    `mutation ($id: ID!) { recordOrderCompliance(complaintId: $id, reference: "202612345", orderId: "O1", compliedOn: "2026-11-09", note: "Visited Jordan at home.") { id } }`,
    { id: full },
  );
  await step(
    `mutation ($id: ID!) { requestEscalation(id: $id, reason: "The bedroom is still damp.") { id } }`,
    { id: full },
  );
  await step(
    `mutation ($id: ID!, $reviewers: [Stage2ReviewerInput!]!) { recordStage2Reviewers(complaintId: $id, reviewers: $reviewers) { id } }`,
    { id: full, reviewers: [{ userId: handler.id }] },
  );
  const refused = await log();
  await step(
    `mutation ($id: ID!) { refuseComplaint(id: $id, reason: LEGAL_PROCEEDINGS, explanation: "Jordan Ellis has begun court proceedings about the same damp.", notice: { toldOn: "2026-11-09", method: LETTER, ombudsmanDetailsGiven: true }) { id } }`,
    { id: refused },
  );
  // Stage 2 declined with reasons, then the case opened again.
  const reopened = await log();
  await step(
    `mutation ($id: ID!) { acknowledgeComplaint(id: $id, clarification: "Asked Jordan Ellis which rooms are affected.") { id } }`,
    { id: reopened },
  );
  await step(
    `mutation ($id: ID!, $input: RespondInput!) { respondToComplaint(id: $id, input: $input) { id } }`,
    { id: reopened, input: { outcome: 'NOT_UPHELD', findings: 'The damp was treated in time.' } },
  );
  await step(
    `mutation ($id: ID!) { refuseEscalation(id: $id, reason: LEGAL_PROCEEDINGS, explanation: "Jordan Ellis has since begun court proceedings about the same damp.", notice: { toldOn: "2026-11-09", method: EMAIL, ombudsmanDetailsGiven: true }) { id } }`,
    { id: reopened },
  );
  await step(
    `mutation ($id: ID!) { reopenComplaint(id: $id, reason: "Jordan Ellis withdrew the court claim and asked us again.") { id } }`,
    { id: reopened },
  );
  const withdrawn = await log();
  await step(
    `mutation ($id: ID!) { withdrawComplaint(id: $id, reason: "Jordan Ellis moved out.") { id } }`,
    { id: withdrawn },
  );
  // Closed, with the resident's satisfaction in their own words and a lesson learnt.
  const satisfied = await log();
  await step(`mutation ($id: ID!) { acknowledgeComplaint(id: $id) { id } }`, { id: satisfied });
  await step(
    `mutation ($id: ID!, $input: RespondInput!) { respondToComplaint(id: $id, input: $input) { id } }`,
    { id: satisfied, input: { outcome: 'UPHELD', findings: 'The gutter was left leaking.' } },
  );
  await step(`mutation ($id: ID!) { closeComplaint(id: $id) { id } }`, { id: satisfied });
  await step(
    `mutation ($id: ID!) { recordSatisfaction(complaintId: $id, score: 7, comment: "Jordan Ellis says the officer kept her informed.") { id } }`,
    { id: satisfied },
  );
  await step(
    `mutation ($id: ID!) { recordLesson(complaintId: $id, lesson: "Gutters are checked on every damp visit.") { id } }`,
    { id: satisfied },
  );
  complaintIds.push(full, refused, withdrawn, reopened, satisfied);
  feedbackId = await step(
    `mutation ($input: RecordFeedbackInput!) { recordFeedback(input: $input) { id } }`,
    {
      input: {
        kind: 'COMPLIMENT',
        receivedAt: '2026-11-06T10:00:00Z',
        channel: 'PHONE',
        from: 'Jordan Ellis',
        summary: 'The plumber who came on Tuesday was kind and quick.',
        category: 'repairs',
      },
    },
  );
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

describe('personal data, field by field', () => {
  it('lists exactly the fields the schema guards with complaints:personal', () => {
    const storage = getMetadataStorage();
    const guarded = new Set<string>();
    for (const type of storage.objectTypes) {
      if (!isObjectType(schema.getType(type.name))) continue;
      for (const field of type.fields ?? []) {
        if ((field.roles ?? []).includes('complaints:personal')) {
          guarded.add(`${type.name}.${field.schemaName}`);
        }
      }
    }
    expect(
      [...guarded].sort(),
      'A field is guarded by complaints:personal but not listed in PERSONAL_FIELDS, or listed but no longer guarded',
    ).toEqual([...PERSONAL_FIELDS].sort());
    // Each one nullable: a refused non-null field would null its parent, not just itself.
    const nonNull = [...PERSONAL].filter((name) => {
      const [typeName = '', fieldName = ''] = name.split('.');
      const type = schema.getType(typeName) as GraphQLObjectType;
      // A list may be personal (further residents): nullable itself, whatever its items are.
      return isNonNullType(type.getFields()[fieldName]?.type);
    });
    expect(nonNull, 'A personal field must be nullable').toEqual([]);
  });

  it('answers an analyst everything but the personal fields, each refused on its own path', async () => {
    const queries = [
      ...complaintIds.map((id) => ({ root: 'complaint', id })),
      { root: 'feedback', id: feedbackId },
    ];
    const refused = new Set<string>();
    for (const { root, id } of queries) {
      const document = `query ($id: ID!) { ${root}(id: $id) ${selectionOf(rootType(root))} }`;
      const [asAnalyst, asHandler] = await Promise.all([
        gql(api.url, document, { id }, analyst.headers),
        gql(api.url, document, { id }, handler.headers),
      ]);

      // The handler reads everything, personal data included.
      expect(asHandler.errors, `${root} as a handler`).toBeUndefined();
      expect(asHandler.data?.[root], `${root} ${id} as a handler`).not.toBeNull();

      // The analyst: HTTP 200, FORBIDDEN on personal fields only, and otherwise the same answer.
      expect(asAnalyst.status).toBe(200);
      for (const error of asAnalyst.errors ?? []) {
        const field = fieldAt(error.path ?? []);
        expect({ field, code: error.extensions?.code }).toEqual({ field, code: 'FORBIDDEN' });
        expect(PERSONAL.has(field), `${field} was refused but is not personal`).toBe(true);
        expect(error.extensions?.permission).toBe('complaints:personal');
        refused.add(field);
      }
      // What the caller may do next is the caller's own: none of the steps for a reader.
      const answered = structuredClone(asAnalyst.data) as Record<string, Record<string, unknown>>;
      const expected = withheld(asHandler, schema.getQueryType()!) as typeof answered;
      if (root === 'complaint') {
        expect(answered[root]!.allowedSteps).toEqual([]);
        expect(expected[root]!.allowedSteps).not.toEqual([]);
        delete answered[root]!.allowedSteps;
        delete expected[root]!.allowedSteps;
      }
      expect(answered).toEqual(expected);
    }
    // Every personal field was asked for and refused (none slipped through answered).
    expect([...refused].sort()).toEqual([...PERSONAL_FIELDS].sort());
  });

  it('answers the personal data to a handler as it was recorded', async () => {
    const [full] = complaintIds;
    const data = await gqlData<{
      complaint: {
        complainant: { name: string; email: string };
        summary: string;
        stages: { findings: string | null; remedies: { description: string }[] }[];
        events: { data: { type: string } }[];
      };
    }>(
      api.url,
      `query ($id: ID!) { complaint(id: $id) {
        complainant { name email } summary
        stages { findings remedies { description } }
        events { data }
      } }`,
      { id: full },
      handler.headers,
    );
    expect(data.complaint).toMatchObject({
      complainant: { name: 'Jordan Ellis', email: 'jordan.ellis@example.org' },
      summary: expect.stringContaining('Damp and mould'),
      stages: [
        expect.objectContaining({
          findings: expect.stringContaining('leaking gutter'),
          remedies: [{ description: 'An apology to Jordan Ellis in writing.' }],
        }),
        expect.anything(),
      ],
    });
    expect(data.complaint.events[0]?.data).toMatchObject({ type: 'complaint-logged' });
  });

  it('withholds the payload of each event from an analyst listening to the feed', async () => {
    const client = await connectSubscriptions(api.wsUrl, analyst.connectionParams);
    try {
      const feed = client.subscribe<{ complaintEvents: { type: string; data: unknown } }>(
        `subscription { complaintEvents { type data } }`,
      );
      // The subscription is live once it hears something: log until it does.
      for (let attempt = 0; attempt < 40 && feed.messages.length === 0; attempt += 1) {
        await gqlData(
          api.url,
          `mutation ($input: LogComplaintInput!) { logComplaint(input: $input) { id } }`,
          { input: logInput('2026-11-06T10:00:00Z') },
        );
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      expect(feed.messages[0]).toEqual({
        complaintEvents: { type: 'complaint-logged', data: null },
      });
      expect(feed.errors[0]).toMatchObject({
        path: ['complaintEvents', 'data'],
        extensions: { code: 'FORBIDDEN', permission: 'complaints:personal' },
      });
      feed.unsubscribe();
    } finally {
      await client.close();
    }
  });

  it('keeps a list page asking only for the name on the summary, and refuses it to an analyst', async () => {
    const document = `{ complaints(first: 3) { nodes { reference complainant { name } summary } } }`;
    const asAnalyst = await gql<{
      complaints: { nodes: { reference: string; complainant: null; summary: null }[] };
    }>(api.url, document, {}, analyst.headers);
    expect(asAnalyst.status).toBe(200);
    const nodes = asAnalyst.data?.complaints.nodes ?? [];
    expect(nodes).toHaveLength(3);
    expect(nodes.every((n) => n.reference.startsWith('CMP-') && n.complainant === null)).toBe(true);
    expect(asAnalyst.errors?.map((e) => e.extensions?.code)).toEqual(Array(6).fill('FORBIDDEN'));
    const asHandler = await gqlData<{ complaints: { nodes: { complainant: { name: string } }[] } }>(
      api.url,
      document,
      {},
      handler.headers,
    );
    expect(asHandler.complaints.nodes.map((n) => n.complainant.name)).toEqual(
      Array(3).fill('Jordan Ellis'),
    );
  });
});

function rootType(root: string): GraphQLObjectType {
  const field = schema.getQueryType()?.getFields()[root];
  const type = field && getNamedType(field.type);
  if (!isObjectType(type)) throw new Error(`Query.${root} does not answer an object`);
  return type;
}

/** Every field of the type, and of the types under it, once along each path (no cycles). */
function selectionOf(type: GraphQLObjectType, path: ReadonlySet<string> = new Set()): string {
  const fields = Object.values(type.getFields())
    .filter((field) => field.args.every((arg) => arg.type.toString().slice(-1) !== '!'))
    .flatMap((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return [field.name];
      if (isObjectType(named) && !path.has(named.name)) {
        return [`${field.name} ${selectionOf(named, new Set([...path, type.name]))}`];
      }
      return [];
    });
  return `{ ${fields.join(' ')} }`;
}

/** `Type.field` of the field an error's path points at. */
function fieldAt(path: readonly (string | number)[]): string {
  let type: GraphQLObjectType = schema.getQueryType()!;
  let name = '';
  for (const [index, segment] of path.entries()) {
    if (typeof segment === 'number') continue;
    name = `${type.name}.${segment}`;
    const next = getNamedType(type.getFields()[segment]?.type);
    if (index < path.length - 1) {
      if (!isObjectType(next)) throw new Error(`Cannot follow ${path.join('.')}`);
      type = next;
    }
  }
  return name;
}

/** The handler's answer with every personal field nulled: what an analyst should get. */
function withheld(response: GraphQLResponse<unknown>, type: GraphQLObjectType): unknown {
  const redact = (value: unknown, on: GraphQLObjectType): unknown => {
    if (Array.isArray(value)) return value.map((item) => redact(item, on));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        if (PERSONAL.has(`${on.name}.${key}`)) return [key, null];
        const next = getNamedType(on.getFields()[key]?.type);
        return [key, isObjectType(next) ? redact(inner, next) : inner];
      }),
    );
  };
  return redact(response.data, type);
}
