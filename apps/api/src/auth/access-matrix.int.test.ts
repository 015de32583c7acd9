// Who may call what, end to end: every role, a user with no role, a partner key and an anonymous
// caller against every operation of the schema, subscriptions included. The operations are read
// from the built schema, so a new one cannot be missed; what each caller should get is read from
// the domain's permission tables and the public operations, not written again here.
import { createPubSub } from '@graphql-yoga/subscription';
import {
  permissionsOfRole,
  permissionsOfScopes,
  type ApiKeyScope,
  type Permission,
  type Role,
} from '@redress/domain';
import {
  getNamedType,
  isLeafType,
  isNonNullType,
  parse,
  validate,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildRedressSchema } from '../schema.js';
import {
  ANONYMOUS_HEADERS,
  connectSubscriptions,
  gql,
  gqlData,
  primeSubscription,
  type GraphQLResponse,
  type SubscriptionClient,
} from '../test/graphql-client.js';
import { logInput } from '../test/complaint-operations.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { newPartnerKey, signInNewUser, TEST_PASSWORD } from '../test/test-principals.js';
import { REFRESH_COOKIE } from './refresh-cookie.js';
import { PUBLIC_OPERATIONS } from './public-operations.js';
import { systemPrincipal } from './principal.js';

type Kind = 'Query' | 'Mutation' | 'Subscription';
type Headers = Readonly<Record<string, string>>;

interface Caller {
  readonly name: string;
  readonly anonymous: boolean;
  readonly permissions: ReadonlySet<Permission>;
  readonly headers: Headers;
  readonly connectionParams: Headers;
  /** Credentials of a new session of the same caller, for the operations that end one. */
  fresh(): Promise<Headers>;
}

interface Sample {
  /** The arguments as written in the document, e.g. `id: "…"`. */
  readonly args?: string | (() => string);
  /** Headers for the request instead of the caller's own (a refresh cookie, a fresh session). */
  readonly headers?: (caller: Caller) => Promise<Headers>;
}

interface Operation {
  readonly kind: Kind;
  readonly name: string;
  readonly field: GraphQLField<unknown, unknown>;
  /** The permission it needs; null for a public operation. */
  readonly needs: Permission | null;
}

/** A well-formed id nothing has: steps on it answer NOT_FOUND to whoever may take them. */
const NONE = '00000000-0000-4000-8000-000000000000';
const LOG = `{ receivedAt: "2026-11-06T10:00:00Z", channel: EMAIL, complainant: { name: "Jordan Ellis", type: TENANT }, summary: "Damp in the bedroom.", category: "repairs", tenure: LCRA }`;
let unique = 0;
const next = (): number => ++unique;

/** Where a caller's usual session would end, these run last, each in a session of its own. */
const ENDS_SESSIONS = new Set(['Mutation.signOut', 'Mutation.signOutEverywhere']);

/**
 * Arguments for every operation that needs any, keyed by `Kind.name`. Steps on complaints, users
 * and keys name an id nothing has, so they change nothing for the callers allowed to take them.
 */
const SAMPLES: Readonly<Record<string, Sample>> = {
  'Query.addWorkingDays': { args: 'from: "2026-11-09", days: 5' },
  'Query.isWorkingDay': { args: 'date: "2026-11-09"' },
  'Query.bankHolidays': { args: 'year: 2026' },
  'Query.complaint': { args: `id: "${NONE}"` },
  'Query.complaintByReference': { args: 'reference: "CMP-2026-999999"' },
  'Query.casesOfPerson': { args: 'person: { email: "nobody@example.org" }' },
  'Query.feedback': { args: `id: "${NONE}"` },
  'Query.improvements': { args: 'year: 2026' },
  'Query.letter': { args: `id: "${NONE}"` },
  'Query.letterPreview': {
    args: `letter: { complaintId: "${NONE}", kind: ACKNOWLEDGEMENT, stage: 1 }`,
  },
  'Query.annualReport': { args: 'year: 2026' },
  'Query.surveyResponses': { args: 'year: 2026' },
  'Query.tsmReport': { args: 'year: 2026' },
  'Query.measures': { args: 'year: 2026' },
  'Query.measureBreakdown': { args: 'year: 2026, measure: CH02_STAGE1, by: MONTH' },
  'Query.measureCases': { args: 'year: 2026, measure: CH02_STAGE1, part: NUMERATOR' },
  'Query.policy': { args: 'id: "code-2024"' },
  'Query.policyDepartures': { args: 'id: "code-2024"' },
  'Query.user': { args: `id: "${NONE}"` },
  'Mutation.acknowledgeComplaint': { args: `id: "${NONE}"` },
  'Mutation.addComplainant': {
    args: `id: "${NONE}", complainant: { name: "Priya Shah", type: TENANT }`,
  },
  'Mutation.addComplaintPoint': { args: `id: "${NONE}", point: "The bathroom fan too."` },
  'Mutation.answerRemedy': { args: `complaintId: "${NONE}", remedyId: "1.1", answer: ACCEPTED` },
  'Mutation.agreeAction': {
    args: `complaintId: "${NONE}", input: { description: "Fix the gutter.", owner: "Repairs", dueOn: "2026-11-30" }`,
  },
  'Mutation.assignComplaint': { args: `id: "${NONE}", assigneeId: "${NONE}"` },
  'Mutation.changePassword': {
    args: 'currentPassword: "not the password", newPassword: "another long password nobody guesses"',
  },
  'Mutation.closeComplaint': { args: `id: "${NONE}"` },
  'Mutation.completeOidcSignIn': { args: 'code: "not-a-code", state: "not-a-state"' },
  'Mutation.completeAction': { args: `complaintId: "${NONE}", actionId: "gutter"` },
  'Mutation.convertServiceRequest': { args: `id: "${NONE}", input: ${LOG}` },
  'Mutation.createApiKey': {
    args: () => `name: "Matrix key ${next()}", scopes: [COMPLAINTS_READ]`,
  },
  'Mutation.createPolicy': { args: 'input: { basedOn: "no-such-policy", name: "Matrix policy" }' },
  'Mutation.createTeam': { args: () => `name: "Matrix team ${next()}"` },
  'Mutation.createUser': {
    args: () =>
      `input: { email: "matrix.${next()}@test.redress.invalid", name: "Matrix user", role: ANALYST }`,
  },
  'Mutation.deactivateUser': { args: `id: "${NONE}"` },
  'Mutation.extendResponseDeadline': { args: `id: "${NONE}", workingDays: 5, reason: "A survey."` },
  'Mutation.logComplaint': { args: `input: ${LOG}` },
  'Mutation.issueLetter': {
    args: `letter: { complaintId: "${NONE}", kind: ACKNOWLEDGEMENT, stage: 1 }, delivery: POST`,
  },
  'Mutation.markLetterPosted': { args: `letterId: "${NONE}"` },
  'Mutation.retryLetterDelivery': { args: `letterId: "${NONE}"` },
  // Refused as bad input (an empty Ombudsman's details): nothing is written.
  'Mutation.updateLetterTemplate': {
    args: 'template: { landlordName: "A", signatureName: "B", signatureRole: "C", ombudsmanContact: " ", lgscoContact: "D", escalationHowTo: "E" }',
  },
  'Mutation.mergeComplaint': { args: `duplicateId: "${NONE}", intoId: "${NONE}"` },
  'Mutation.payRemedy': {
    args: `complaintId: "${NONE}", remedyId: "1.2", amountPence: 100, paidOn: "2026-11-09"`,
  },
  'Mutation.reactivateUser': { args: `id: "${NONE}"` },
  'Mutation.recordCaseNote': {
    args: `input: { complaintId: "${NONE}", kind: NOTE, body: "Chase the surveyor." }`,
  },
  'Mutation.recordContractor': { args: `id: "${NONE}", contractor: { name: "Acme Repairs" }` },
  'Mutation.recordFeedback': {
    args: 'input: { kind: COMPLIMENT, receivedAt: "2026-11-06T10:00:00Z", channel: PHONE, summary: "Kind plumber.", category: "repairs" }',
  },
  'Mutation.recordOmbudsmanDetermination': {
    args: `complaintId: "${NONE}", input: { reference: "HOS-000001", determinedOn: "2026-11-09", findings: [MALADMINISTRATION], summary: "Delay." }`,
  },
  'Mutation.recordLesson': {
    args: `complaintId: "${NONE}", lesson: "Book the surveyor on the first call."`,
  },
  'Mutation.recordSatisfaction': { args: `complaintId: "${NONE}", score: 8` },
  'Mutation.recordStage2Reviewers': {
    args: `complaintId: "${NONE}", reviewers: [{ userId: "${NONE}" }]`,
  },
  // A case that does not exist: nothing is anonymised.
  'Mutation.anonymiseResident': { args: `complaintId: "${NONE}"` },
  // Refused as bad input (a blank name): nothing is written.
  'Mutation.addReviewPanelMember': { args: 'input: { name: " ", addressLines: "1 Elm Road" }' },
  'Mutation.updateReviewPanelMember': {
    args: `id: "${NONE}", changes: { conflictsDeclared: "None declared." }`,
  },
  // Each refused as bad input (a year before 2000, a day after today): nothing is written.
  'Mutation.recordImprovement': { args: 'input: { year: 1999, youSaid: "A.", weDid: "B." }' },
  'Mutation.recordSurveyResponses': {
    args: 'responses: [{ respondent: "R-MATRIX", tenure: LCRA, answeredOn: "2026-11-10", complainedInLast12Months: true }]',
  },
  'Mutation.setHomes': { args: 'year: 1999, tenure: LCRA, homes: 1' },
  'Mutation.recordOrderCompliance': {
    args: `complaintId: "${NONE}", reference: "HOS-000001", orderId: "O1", compliedOn: "2026-11-09"`,
  },
  'Mutation.referToOmbudsman': { args: `id: "${NONE}", reference: "HOS-000001"` },
  'Mutation.refreshSession': {
    // A refresh cookie of its own for each call: each works once.
    headers: async (caller) => ({ ...caller.headers, cookie: await refreshCookieOfNewSession() }),
  },
  'Mutation.refuseComplaint': {
    args: `id: "${NONE}", reason: LEGAL_PROCEEDINGS, explanation: "Court proceedings."`,
  },
  'Mutation.refuseEscalation': {
    args: `id: "${NONE}", reason: LEGAL_PROCEEDINGS, explanation: "Court proceedings have begun.", notice: { toldOn: "2026-11-09", method: EMAIL, ombudsmanDetailsGiven: true }`,
  },
  'Mutation.reopenComplaint': { args: `id: "${NONE}", reason: "The resident came back to us."` },
  'Mutation.requestEscalation': { args: `id: "${NONE}"` },
  'Mutation.resetUserPassword': {
    args: `id: "${NONE}", password: "another long password nobody guesses"`,
  },
  'Mutation.respondToComplaint': {
    args: `id: "${NONE}", input: { outcome: UPHELD, findings: "The gutter leaks." }`,
  },
  'Mutation.revokeApiKey': { args: `id: "${NONE}"` },
  'Mutation.signIn': { args: () => `email: "${signInUser.email}", password: "${TEST_PASSWORD}"` },
  'Mutation.signOut': { headers: (caller) => caller.fresh() },
  'Mutation.signOutEverywhere': { headers: (caller) => caller.fresh() },
  'Mutation.updateOnAction': {
    args: `complaintId: "${NONE}", actionId: "gutter", update: "Booked for Monday.", method: PHONE`,
  },
  'Mutation.updateUser': { args: `id: "${NONE}", input: { name: "Renamed" }` },
  'Mutation.withdrawComplaint': { args: `id: "${NONE}", reason: "Moved out."` },
};

/** Codes an allowed caller may meet: the operation ran, and said no for a reason of the case. */
const DOMAIN_CODES: ReadonlySet<unknown> = new Set([
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'POLICY_REFUSED',
]);

let schema: GraphQLSchema;
let api: TestServer;
let callers: Caller[];
let operations: Operation[];
let signInUser: { email: string };
/** Outcome per operation and caller, filled as the matrix runs, printed at the end. */
const results = new Map<string, Map<string, { expected: string; actual: string }>>();

beforeAll(async () => {
  schema = await buildRedressSchema({ pubSub: createPubSub() });
  operations = operationsOf(schema);
  api = await startTestServer({ now: '2026-11-09T09:00:00Z' });
  const { services } = api;
  const user = async (name: string, role: Role | null): Promise<Caller> => {
    const signedIn = await signInNewUser(services, role);
    return {
      name,
      anonymous: false,
      permissions: permissionsOfRole(role),
      headers: signedIn.headers,
      connectionParams: signedIn.connectionParams,
      fresh: async () => {
        const again = await services.auth.signIn(signedIn.email, TEST_PASSWORD, META);
        return { authorization: `Bearer ${again.accessToken}` };
      },
    };
  };
  const scopes: ApiKeyScope[] = ['complaints:read', 'complaints:write'];
  const [admin, manager, handler, analyst, noRole, key, forSignIn] = await Promise.all([
    user('ADMIN', 'ADMIN'),
    user('MANAGER', 'MANAGER'),
    user('HANDLER', 'HANDLER'),
    user('ANALYST', 'ANALYST'),
    user('no role', null),
    newPartnerKey(services, scopes),
    signInNewUser(services, 'ANALYST'),
  ]);
  signInUser = forSignIn;
  const partner: Caller = {
    name: 'partner key',
    anonymous: false,
    permissions: permissionsOfScopes(scopes),
    headers: key.headers,
    connectionParams: key.connectionParams,
    fresh: () => Promise.resolve(key.headers),
  };
  const anonymous: Caller = {
    name: 'anonymous',
    anonymous: true,
    permissions: new Set(),
    headers: ANONYMOUS_HEADERS,
    connectionParams: ANONYMOUS_HEADERS,
    fresh: () => Promise.resolve(ANONYMOUS_HEADERS),
  };
  callers = [admin, manager, handler, analyst, noRole, partner, anonymous];
}, 60_000);

afterAll(async () => {
  printMatrix();
  await api?.stop();
});

const META = { address: '127.0.0.1', userAgent: 'access-matrix' };

async function refreshCookieOfNewSession(): Promise<string> {
  const signedIn = await api.services.auth.signIn(signInUser.email, TEST_PASSWORD, META);
  return `${REFRESH_COOKIE}=${signedIn.refreshToken}`;
}

describe('the access matrix: every caller against every operation', () => {
  it('has a sample for every operation that takes arguments, each a valid document', () => {
    const problems = operations.flatMap((op) => {
      const id = `${op.kind}.${op.name}`;
      const needsArgs = op.field.args.some(
        (arg) => isNonNullType(arg.type) && arg.defaultValue === undefined,
      );
      if (needsArgs && !SAMPLES[id]?.args) {
        return [
          `${id} takes arguments (${op.field.args.map((a) => `${a.name}: ${a.type.toString()}`).join(', ')}): add a sample to SAMPLES in src/auth/access-matrix.int.test.ts`,
        ];
      }
      const errors = validate(schema, parse(documentFor(op)));
      return errors.map((error) => `${id}: the sample's document is not valid: ${error.message}`);
    });
    expect(problems, problems.join('\n')).toEqual([]);
    const stale = Object.keys(SAMPLES).filter(
      (id) => !operations.some((op) => `${op.kind}.${op.name}` === id),
    );
    expect(stale, 'SAMPLES names operations the schema no longer has').toEqual([]);
  });

  it('answers each query and mutation as the permission tables say, over HTTP', async () => {
    // The operations that end a session run last (below), so that every other one runs signed in.
    await runOverHttp(
      operations.filter((op) => op.kind !== 'Subscription' && !ENDS_SESSIONS.has(idOf(op))),
    );
    expect(mismatches('http'), mismatchMessage('http')).toEqual([]);
  }, 120_000);

  it('answers each subscription as the permission tables say, over graphql-ws', async () => {
    const subscriptions = operations.filter((op) => op.kind === 'Subscription');
    expect(subscriptions.length).toBeGreaterThan(0);
    await Promise.all(
      callers.map(async (caller) => {
        let client: SubscriptionClient;
        // graphql-ws reports a refused eager connection on console.error: expected here.
        const quiet = caller.anonymous
          ? vi.spyOn(console, 'error').mockImplementation(() => undefined)
          : undefined;
        try {
          client = await connectSubscriptions(api.wsUrl, caller.connectionParams);
        } catch (error) {
          // Refused at connection: every subscription is refused alike.
          const refused = /code 4401/.test(String(error)) ? 'UNAUTHENTICATED 4401' : String(error);
          for (const op of subscriptions) {
            record(op, caller, expectedOf(op, caller, 'ws'), refused);
          }
          return;
        } finally {
          quiet?.mockRestore();
        }
        try {
          for (const op of subscriptions) {
            const expected = expectedOf(op, caller, 'ws');
            record(op, caller, expected, await subscribeOutcome(client, op, expected));
          }
        } finally {
          await client.close();
        }
      }),
    );
    expect(mismatches('ws'), mismatchMessage('ws')).toEqual([]);
  }, 120_000);

  it('answers the operations that end a session as the tables say, each in a new session', async () => {
    await runOverHttp(operations.filter((op) => ENDS_SESSIONS.has(idOf(op))));
    expect(mismatches('http'), mismatchMessage('http')).toEqual([]);
  });
});

describe('the complaints a handler may see', () => {
  let handler: Caller & { readonly id: string };
  let otherUser: { id: string };
  let outOfScope: string;
  let inScope: string;

  beforeAll(async () => {
    const signedIn = await signInNewUser(api.services, 'HANDLER');
    handler = {
      id: signedIn.id,
      name: 'HANDLER',
      anonymous: false,
      permissions: permissionsOfRole('HANDLER'),
      headers: signedIn.headers,
      connectionParams: signedIn.connectionParams,
      fresh: () => Promise.resolve(signedIn.headers),
    };
    otherUser = await signInNewUser(api.services, 'HANDLER', { name: 'Other Handler' });
    [outOfScope, inScope] = await Promise.all([logComplaint(), logComplaint()]);
    // Held by another handler: outside this handler's queue.
    await api.services.complaints.execute(
      outOfScope,
      { type: 'assign', handler: 'Other Handler', handlerId: otherUser.id },
      { by: systemPrincipal('access-matrix') },
    );
  });

  it('does not find a case outside its scope, by id, by step or in the list', async () => {
    const byId = await gql<{ complaint: unknown }>(
      api.url,
      `query ($id: ID!) { complaint(id: $id) { id } }`,
      { id: outOfScope },
      handler.headers,
    );
    expect(byId.errors).toBeUndefined();
    expect(byId.data?.complaint).toBeNull();

    const step = await gql(
      api.url,
      `mutation ($id: ID!) { acknowledgeComplaint(id: $id) { id } }`,
      { id: outOfScope },
      handler.headers,
    );
    expect(step.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);

    const list = await gqlData<{ complaints: { nodes: { id: string }[] } }>(
      api.url,
      `{ complaints(first: 200) { nodes { id } } }`,
      {},
      handler.headers,
    );
    const ids = list.complaints.nodes.map((node) => node.id);
    expect(ids).toContain(inScope);
    expect(ids).not.toContain(outOfScope);
  });

  it('is refused a step it may not take on a case it sees: assigning to someone else', async () => {
    const assign = (assigneeId: string) =>
      gql(
        api.url,
        `mutation ($id: ID!, $assigneeId: ID!) { assignComplaint(id: $id, assigneeId: $assigneeId) { id } }`,
        { id: inScope, assigneeId },
        handler.headers,
      );
    const toSomeoneElse = await assign(otherUser.id);
    expect(toSomeoneElse.status).toBe(403);
    expect(
      toSomeoneElse.errors?.map((e) => [e.extensions?.code, e.extensions?.permission]),
    ).toEqual([['FORBIDDEN', 'complaints:assign']]);
    // The same step for itself, and another step on the same case, go through.
    expect((await assign(handler.id)).errors).toBeUndefined();
    const acknowledge = await gql(
      api.url,
      `mutation ($id: ID!) { acknowledgeComplaint(id: $id) { id } }`,
      { id: inScope },
      handler.headers,
    );
    expect(acknowledge.errors).toBeUndefined();
  });
});

async function runOverHttp(selected: readonly Operation[]): Promise<void> {
  for (const op of selected) {
    const sample = SAMPLES[idOf(op)];
    await Promise.all(
      callers.map(async (caller) => {
        const headers = sample?.headers ? await sample.headers(caller) : caller.headers;
        const response = await gql(api.url, documentFor(op), {}, headers);
        record(op, caller, expectedOf(op, caller, 'http'), outcomeOf(response));
      }),
    );
  }
}

const idOf = (op: Operation): string => `${op.kind}.${op.name}`;

/** Every root field of the built schema, with the permission its resolver is guarded by. */
function operationsOf(built: GraphQLSchema): Operation[] {
  const storage = getMetadataStorage();
  const handlers = [
    ...storage.queries.map((h) => ({ kind: 'Query' as const, h })),
    ...storage.mutations.map((h) => ({ kind: 'Mutation' as const, h })),
    ...storage.subscriptions.map((h) => ({ kind: 'Subscription' as const, h })),
  ];
  const roots = [
    ['Query', built.getQueryType()],
    ['Mutation', built.getMutationType()],
    ['Subscription', built.getSubscriptionType()],
  ] as const;
  return roots.flatMap(([kind, type]) =>
    Object.values(type?.getFields() ?? {}).map((field) => {
      const id = `${kind}.${field.name}`;
      if (Object.hasOwn(PUBLIC_OPERATIONS, id))
        return { kind, name: field.name, field, needs: null };
      const handler = handlers.find((e) => e.kind === kind && e.h.schemaName === field.name)?.h;
      const [needs] = storage.authorizedFields
        .filter((f) => handler && f.target === handler.target && f.fieldName === handler.methodName)
        .flatMap((f) => f.roles as Permission[]);
      if (!needs) throw new Error(`${id} is neither public nor guarded by a permission`);
      return { kind, name: field.name, field, needs };
    }),
  );
}

function documentFor(op: Operation): string {
  const args = SAMPLES[`${op.kind}.${op.name}`]?.args;
  const written = typeof args === 'function' ? args() : args;
  const selection = isLeafType(getNamedType(op.field.type)) ? '' : ' { __typename }';
  return `${op.kind.toLowerCase()} { ${op.name}${written ? `(${written})` : ''}${selection} }`;
}

/** What the tables say the caller gets: HTTP answers 401 and 403; a socket refuses at connection. */
function expectedOf(op: Operation, caller: Caller, transport: 'http' | 'ws'): string {
  if (caller.anonymous && transport === 'ws') return 'UNAUTHENTICATED 4401';
  if (op.needs === null || caller.permissions.has(op.needs)) return 'allowed';
  if (caller.anonymous) return 'UNAUTHENTICATED 401';
  return transport === 'http' ? 'FORBIDDEN 403' : 'FORBIDDEN';
}

function outcomeOf(response: GraphQLResponse<unknown>): string {
  const errors = response.errors ?? [];
  const refusal = errors.find(
    (e) => e.extensions?.code === 'UNAUTHENTICATED' || e.extensions?.code === 'FORBIDDEN',
  );
  if (refusal) return `${String(refusal.extensions?.code)} ${response.status}`;
  const other = errors.find((e) => !DOMAIN_CODES.has(e.extensions?.code));
  if (other) return `error ${String(other.extensions?.code)}: ${other.message}`;
  return 'allowed';
}

async function subscribeOutcome(
  client: SubscriptionClient,
  op: Operation,
  expected: string,
): Promise<string> {
  const subscription = client.subscribe<Record<string, unknown>>(documentFor(op));
  const errorsOf = () => subscription.errors.flatMap((e) => (Array.isArray(e) ? e : [e]));
  try {
    // An allowed subscription stays open and says nothing, so silence is all there is to wait
    // for: a short wait where the tables say allowed. Where they say refused, the refusal is
    // waited for as long as a busy machine may take to send it, so a slow "no" is not read as
    // "allowed".
    const deadline = Date.now() + (expected === 'allowed' ? 300 : 10_000);
    while (errorsOf().length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const [error] = errorsOf() as {
      extensions?: { code?: unknown };
      message?: string;
    }[];
    if (error) {
      const code = error.extensions?.code;
      return code === 'FORBIDDEN' || code === 'UNAUTHENTICATED'
        ? String(code)
        : `error ${String(code)}: ${error.message}`;
    }
    if (op.name === 'complaintEvents') {
      // Allowed means hearing events: a complaint logged now is in every caller's scope.
      try {
        await primeSubscription(subscription, () => logComplaint().then(() => undefined), 20);
      } catch {
        return 'nothing heard';
      }
    }
    return 'allowed';
  } finally {
    subscription.unsubscribe();
  }
}

async function logComplaint(): Promise<string> {
  const data = await gqlData<{ logComplaint: { id: string } }>(
    api.url,
    `mutation ($input: LogComplaintInput!) { logComplaint(input: $input) { id } }`,
    { input: logInput('2026-11-06T10:00:00Z') },
  );
  return data.logComplaint.id;
}

function record(op: Operation, caller: Caller, expected: string, actual: string): void {
  const id = `${op.kind}.${op.name}`;
  const row = results.get(id) ?? new Map<string, { expected: string; actual: string }>();
  row.set(caller.name, { expected, actual });
  results.set(id, row);
}

function mismatches(transport: 'http' | 'ws'): string[] {
  return [...results.entries()]
    .filter(([id]) => id.startsWith('Subscription.') === (transport === 'ws'))
    .flatMap(([id, row]) =>
      [...row.entries()]
        .filter(([, cell]) => cell.expected !== cell.actual)
        .map(
          ([caller, cell]) => `${id} as ${caller}: expected ${cell.expected}, got ${cell.actual}`,
        ),
    );
}

function mismatchMessage(transport: 'http' | 'ws'): string {
  return `Callers answered otherwise than ROLE_PERMISSIONS / SCOPE_PERMISSIONS and PUBLIC_OPERATIONS say:\n${mismatches(transport).join('\n')}`;
}

/** The matrix a reviewer reads: ok, 401, 403, 4401 (refused at connection); ! where unexpected. */
function printMatrix(): void {
  if (!callers || results.size === 0) return;
  const short = (cell: { expected: string; actual: string }): string => {
    const text =
      cell.actual === 'allowed'
        ? 'ok'
        : (cell.actual.match(/\d{3,4}$/)?.[0] ?? cell.actual.split(' ')[0] ?? '');
    return cell.expected === cell.actual ? text : `!${text}`;
  };
  const names = callers.map((c) => c.name);
  const rows = [...results.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, row]) => [
      id,
      ...names.map((name) => {
        const cell = row.get(name);
        return cell ? short(cell) : '-';
      }),
      operations.find((op) => idOf(op) === id)?.needs ?? 'public',
    ]);
  const table = [['', ...names, 'needs'], ...rows];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((r) => r[column]!.length)));
  console.log(
    [
      `Access matrix: ${results.size} operations x ${names.length} callers`,
      ...table.map((r) =>
        r
          .map((text, column) => text.padEnd(widths[column]!))
          .join('  ')
          .trimEnd(),
      ),
    ].join('\n'),
  );
}
