// Subscriptions as the callers meet them: a socket is authenticated when it connects and ends
// when its credentials stop holding, and each caller hears only what a query would show them.
//
// "Nothing arrived" is never proven by waiting alone: after the writes that must not be heard,
// a committed marker write follows that every subscriber here hears, and once the marker is in,
// anything the earlier writes had sent would be in too (notifications arrive in commit order,
// and each socket's messages in the order they were sent).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { systemPrincipal } from '../auth/principal.js';
import { logInput } from '../test/complaint-operations.js';
import {
  connectSubscriptions,
  gqlData,
  primeSubscription,
  type Subscription,
  type SubscriptionClient,
} from '../test/graphql-client.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import {
  newPartnerKey,
  signInNewUser,
  type PartnerKey,
  type SignedInUser,
} from '../test/test-principals.js';

const EVENTS = /* GraphQL */ `
  subscription Events {
    complaintEvents {
      complaintId
      version
      type
    }
  }
`;
const EVENTS_WITH_DATA = /* GraphQL */ `
  subscription EventsWithData {
    complaintEvents {
      complaintId
      version
      type
      data
    }
  }
`;
const ALERTS = /* GraphQL */ `
  subscription Alerts {
    deadlineAlerts {
      complaintId
      alert
    }
  }
`;

interface EventMessage {
  complaintEvents: { complaintId: string; version: number; type: string; data?: unknown };
}
interface AlertMessage {
  deadlineAlerts: { complaintId: string; alert: string };
}

const SETUP = systemPrincipal('scoped-subscriptions-test');
const RECHECK_MS = 200;

let api: TestServer;
let teamNorth: string;
let teamSouth: string;
let alex: SignedInUser; // handler, team North
let bea: SignedInUser; // handler, team South
let manager: SignedInUser;
let analyst: SignedInUser;
const sockets: SubscriptionClient[] = [];

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-09T09:00:00Z', recheckCredentialsMs: RECHECK_MS });
  teamNorth = (await api.services.users.createTeamUnchecked(SETUP, 'North')).id;
  teamSouth = (await api.services.users.createTeamUnchecked(SETUP, 'South')).id;
  alex = await signInNewUser(api.services, 'HANDLER', { name: 'Alex', teamIds: [teamNorth] });
  bea = await signInNewUser(api.services, 'HANDLER', { name: 'Bea', teamIds: [teamSouth] });
  manager = await signInNewUser(api.services, 'MANAGER', { name: 'Morgan' });
  analyst = await signInNewUser(api.services, 'ANALYST', { name: 'Ana' });
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.close().catch(() => undefined)));
  await api?.stop();
});

async function socketOf(who: { readonly connectionParams: Readonly<Record<string, string>> }) {
  const socket = await connectSubscriptions(api.wsUrl, who.connectionParams);
  sockets.push(socket);
  return socket;
}

/** Logged (by the admin unless `as` says who), then placed as asked; returns its id. */
async function caseAt(
  placement: { assigneeId?: string; teamId?: string } = {},
  as: Readonly<Record<string, string>> = api.admin.headers,
  receivedAt = '2026-11-06T10:00:00Z',
): Promise<string> {
  const { logComplaint } = await gqlData<{ logComplaint: { id: string } }>(
    api.url,
    `mutation ($input: LogComplaintInput!) { logComplaint(input: $input) { id } }`,
    { input: logInput(receivedAt) },
    as,
  );
  if (placement.assigneeId !== undefined || placement.teamId !== undefined) {
    await assign(logComplaint.id, placement);
  }
  return logComplaint.id;
}

async function assign(id: string, to: { assigneeId?: string; teamId?: string }): Promise<void> {
  await gqlData(
    api.url,
    `mutation ($id: ID!, $assigneeId: ID, $teamId: ID) {
       assignComplaint(id: $id, assigneeId: $assigneeId, teamId: $teamId) { id }
     }`,
    { id, ...to },
  );
}

async function acknowledge(id: string): Promise<void> {
  await gqlData(api.url, `mutation ($id: ID!) { acknowledgeComplaint(id: $id) { id } }`, { id });
}

const heardOf = (sub: Subscription<EventMessage>) =>
  new Set(sub.messages.map((m) => m.complaintEvents.complaintId));

const eventsOf = (sub: Subscription<EventMessage>, complaintId: string) =>
  sub.messages
    .map((m) => m.complaintEvents)
    .filter((e) => e.complaintId === complaintId)
    .map((e) => e.type);

/** Logs an unassigned case by the admin, which every queue hears, and waits until each has. */
async function marker(...subs: Subscription<EventMessage>[]): Promise<string> {
  const id = await caseAt();
  await Promise.all(subs.map((sub) => sub.waitFor(() => heardOf(sub).has(id))));
  return id;
}

/**
 * A bare graphql-transport-ws connection: what a browser page or a partner's client does, with
 * the Origin it sends. `acknowledged` settles on connection_ack (true) or a close first (false).
 */
function rawSocket(connectionParams: Readonly<Record<string, string>>, origin?: string) {
  const socket = new WebSocket(api.wsUrl, 'graphql-transport-ws', {
    ...(origin !== undefined ? { headers: { origin } } : {}),
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const acknowledged = new Promise<boolean>((resolve, reject) => {
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams })),
    );
    socket.on('message', (data) => {
      if ((JSON.parse(String(data)) as { type: string }).type === 'connection_ack') resolve(true);
    });
    void closed.then(() => resolve(false));
    socket.on('error', reject);
  });
  return { acknowledged, closed, close: () => socket.close() };
}

describe('connecting', () => {
  it('is acknowledged with credentials in connectionParams, and refused without', async () => {
    const signedIn = rawSocket(alex.connectionParams);
    expect(await signedIn.acknowledged).toBe(true);
    signedIn.close();

    const anonymous = rawSocket({});
    expect(await anonymous.acknowledged).toBe(false);
    expect(await anonymous.closed).toBe(4401);
    const forged = rawSocket({ authorization: 'Bearer not-a-token' });
    expect(await forged.acknowledged).toBe(false);
    expect(await forged.closed).toBe(4401);
  });

  it('refuses a page from an origin outside the allowlist, credentials or not', async () => {
    const evil = rawSocket(api.admin.connectionParams, 'https://evil.example');
    expect(await evil.acknowledged).toBe(false);
    expect(await evil.closed).toBe(4403);
    // The same credentials from the console's own origin are welcome.
    const console = rawSocket(api.admin.connectionParams, 'http://localhost:5173');
    expect(await console.acknowledged).toBe(true);
    console.close();
  });

  it('ends the socket once its credentials stop holding: a revoked key, a deactivated user', async () => {
    const key = await newPartnerKey(api.services, ['complaints:read', 'events:subscribe']);
    const keySocket = rawSocket(key.connectionParams);
    expect(await keySocket.acknowledged).toBe(true);
    await api.services.apiKeys.revoke(SETUP, key.id);
    expect(await keySocket.closed).toBe(4401);

    const leaving = await signInNewUser(api.services, 'HANDLER', { name: 'Leaving' });
    const userSocket = rawSocket(leaving.connectionParams);
    expect(await userSocket.acknowledged).toBe(true);
    let closedEarly = false;
    void userSocket.closed.then(() => (closedEarly = true));
    // Still open a few rechecks later while the user is active.
    await new Promise((resolve) => setTimeout(resolve, RECHECK_MS * 3));
    expect(closedEarly).toBe(false);
    await api.services.users.setActive(SETUP, leaving.id, false);
    expect(await userSocket.closed).toBe(4401);
  });
});

describe('complaintEvents, scoped', () => {
  it("a handler hears their own, their team's and unassigned cases, and no one else's", async () => {
    const alexsOwn = await caseAt({ assigneeId: alex.id });
    const northTeam = await caseAt({ teamId: teamNorth });
    const beasOwn = await caseAt({ assigneeId: bea.id });
    const southTeam = await caseAt({ teamId: teamSouth });

    const forAlex = (await socketOf(alex)).subscribe<EventMessage>(EVENTS);
    const forBea = (await socketOf(bea)).subscribe<EventMessage>(EVENTS);
    const forManager = (await socketOf(manager)).subscribe<EventMessage>(EVENTS);
    await primeSubscription(forAlex, async () => void (await caseAt()));
    await primeSubscription(forBea, async () => void (await caseAt()));
    await primeSubscription(forManager, async () => void (await caseAt()));
    // The later probes reached the earlier subscriptions too: start them all from here.
    await marker(forAlex, forBea, forManager);
    for (const sub of [forAlex, forBea, forManager]) sub.clear();

    for (const id of [alexsOwn, northTeam, beasOwn, southTeam]) await acknowledge(id);
    const last = await marker(forAlex, forBea, forManager);

    expect(heardOf(forAlex)).toEqual(new Set([alexsOwn, northTeam, last]));
    expect(heardOf(forBea)).toEqual(new Set([beasOwn, southTeam, last]));
    expect(heardOf(forManager)).toEqual(new Set([alexsOwn, northTeam, beasOwn, southTeam, last]));

    // Moved from Alex to Bea: the placement after the event decides, so Bea hears the
    // assignment and what follows, and Alex hears neither.
    forAlex.clear();
    forBea.clear();
    await assign(alexsOwn, { assigneeId: bea.id });
    await gqlData(
      api.url,
      `mutation ($id: ID!) {
         extendResponseDeadline(
           id: $id
           workingDays: 5
           reason: "Waiting for the surveyor."
           notice: { toldOn: "2026-11-09", method: EMAIL, ombudsmanDetailsGiven: true }
         ) { id }
       }`,
      { id: alexsOwn },
    );
    await marker(forAlex, forBea);
    expect(eventsOf(forAlex, alexsOwn)).toEqual([]);
    expect(eventsOf(forBea, alexsOwn)).toEqual([
      'complaint-assigned',
      'response-deadline-extended',
    ]);
  });

  it('a partner key hears the complaints it logged, and no other', async () => {
    const scopes = ['complaints:read', 'complaints:write', 'events:subscribe'] as const;
    const first: PartnerKey = await newPartnerKey(api.services, scopes);
    const second: PartnerKey = await newPartnerKey(api.services, scopes);
    const forFirst = (await socketOf(first)).subscribe<EventMessage>(EVENTS);
    const forSecond = (await socketOf(second)).subscribe<EventMessage>(EVENTS);
    await primeSubscription(forFirst, async () => void (await caseAt({}, first.headers)));
    await primeSubscription(forSecond, async () => void (await caseAt({}, second.headers)));

    const ofFirst = await caseAt({}, first.headers);
    const ofSecond = await caseAt({}, second.headers);
    const unrelated = await caseAt();
    await acknowledge(ofFirst);
    await acknowledge(ofSecond);
    const lastOfFirst = await caseAt({}, first.headers);
    const lastOfSecond = await caseAt({}, second.headers);
    await forFirst.waitFor(() => heardOf(forFirst).has(lastOfFirst));
    await forSecond.waitFor(() => heardOf(forSecond).has(lastOfSecond));

    expect(heardOf(forFirst)).toEqual(new Set([ofFirst, lastOfFirst]));
    expect(eventsOf(forFirst, ofFirst)).toEqual(['complaint-logged', 'complaint-acknowledged']);
    expect(heardOf(forSecond).has(ofFirst) || heardOf(forSecond).has(unrelated)).toBe(false);
    expect(heardOf(forSecond)).toEqual(new Set([ofSecond, lastOfSecond]));
  });

  it("an analyst hears every case's events, never the resident's details", async () => {
    const socket = await socketOf(analyst);
    const plain = socket.subscribe<EventMessage>(EVENTS);
    const withData = socket.subscribe<EventMessage>(EVENTS_WITH_DATA);
    const forManager = (await socketOf(manager)).subscribe<EventMessage>(EVENTS_WITH_DATA);
    await primeSubscription(plain, async () => void (await caseAt()));
    await primeSubscription(forManager, async () => void (await caseAt()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    withData.clear();

    const handled = await caseAt({ assigneeId: bea.id });
    await plain.waitFor(() => eventsOf(plain, handled).length >= 2);
    await forManager.waitFor(() => eventsOf(forManager, handled).length >= 2);
    expect(eventsOf(plain, handled)).toEqual(['complaint-logged', 'complaint-assigned']);
    // The manager, who may, reads the resident's name in the event; the analyst never does,
    // whatever the document asks for.
    expect(JSON.stringify(forManager.messages)).toContain('Jordan Ellis');
    await marker(plain);
    const sent = JSON.stringify([withData.messages, withData.errors, plain.messages]);
    expect(sent).not.toContain('Jordan Ellis');
    expect(sent).not.toContain('jordan.ellis@example.org');
    expect(sent).not.toContain('Damp and mould');
  });
});

describe('deadlineAlerts, scoped', () => {
  it("a handler is alerted about their cases and unassigned ones, never another's", async () => {
    const alerts = (await socketOf(alex)).subscribe<AlertMessage>(ALERTS);
    // Weeks overdue on the day the watcher runs: each raises an alert at once.
    const overdue = '2026-10-01T09:00:00Z';
    await primeSubscription(alerts, async () => {
      await caseAt({}, api.admin.headers, overdue);
      await api.watcher.runOnce();
    });
    const alexsOwn = await caseAt({ assigneeId: alex.id }, api.admin.headers, overdue);
    const beasOwn = await caseAt({ assigneeId: bea.id }, api.admin.headers, overdue);
    await api.watcher.runOnce();
    const last = await caseAt({ teamId: teamNorth }, api.admin.headers, overdue);
    await api.watcher.runOnce();
    await alerts.waitFor((messages) => messages.some((m) => m.deadlineAlerts.complaintId === last));

    const alerted = new Set(alerts.messages.map((m) => m.deadlineAlerts.complaintId));
    expect(alerted.has(alexsOwn)).toBe(true);
    expect(alerted.has(beasOwn)).toBe(false);
  });
});
