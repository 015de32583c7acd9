// The casework steps through GraphQL: further residents, the contractor, points raised during
// the investigation, and remedies followed through, on new cases and on one stored before these
// steps existed. Each refusal reaches the client as POLICY_REFUSED with the domain's code, or
// BAD_USER_INPUT with the field at fault, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlError } from '../test/graphql-client.js';
import { CASEWORK, caseworkSteps, OPS, RESIDENT } from '../test/casework-operations.js';
import { logInput } from '../test/complaint-operations.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

const NOW = '2027-03-01T12:00:00Z';

let api: TestServer;
const { run, refused, log, responded } = caseworkSteps(() => api.url);

beforeAll(async () => {
  api = await startTestServer({ now: NOW });
});

afterAll(async () => {
  await api?.stop();
});

describe('who the complaint is from and about', () => {
  it('logs further residents and the contractor, and adds both later', async () => {
    const logged = await log({
      additionalComplainants: [RESIDENT],
      contractor: { name: 'Acme Repairs Ltd', reference: 'JOB-4471' },
    });
    expect(logged.additionalComplainants).toEqual([{ name: 'Priya Shah', type: 'TENANT' }]);
    expect(logged.contractor).toEqual({ name: 'Acme Repairs Ltd', reference: 'JOB-4471' });

    const added = await run('addComplainant', {
      id: logged.id,
      complainant: { name: 'Tom Shah', type: 'TENANT' },
    });
    expect(added.additionalComplainants.map((c) => c.name)).toEqual(['Priya Shah', 'Tom Shah']);
    const recorded = await run('recordContractor', {
      id: logged.id,
      contractor: { name: 'Brightwell Damp Services' },
    });
    expect(recorded.contractor).toEqual({ name: 'Brightwell Damp Services', reference: null });
    expect(recorded.events.slice(-2).map((e) => e.type)).toEqual([
      'complainant-added',
      'contractor-recorded',
    ]);
  });

  it('refuses a resident already named, and more residents than one complaint holds', async () => {
    const c = await log({ additionalComplainants: [RESIDENT] });
    expect(
      await refused(
        'addComplainant',
        { id: c.id, complainant: { ...RESIDENT, name: ' priya SHAH' } },
        c,
      ),
    ).toMatchObject({
      code: 'POLICY_REFUSED',
      refusal: 'COMPLAINANT_ALREADY_RECORDED',
      field: 'complainant.name',
    });
    const crowd = Array.from({ length: 49 }, (_, n) => ({
      name: `Resident ${n + 1}`,
      type: 'TENANT',
    }));
    const full = await log({ additionalComplainants: crowd });
    const tooMany = await refused(
      'addComplainant',
      { id: full.id, complainant: { name: 'One more', type: 'TENANT' } },
      full,
    );
    expect(tooMany).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'TOO_MANY_COMPLAINANTS' });
    expect(tooMany.message).toMatch(/residents' group/);
  });

  it('refuses a log naming a resident twice, and a contractor without a name', async () => {
    const error = await gqlError(api.url, `${OPS.log}\n${CASEWORK}`, {
      input: logInput('2026-11-06T10:00:00Z', {
        additionalComplainants: [{ name: 'Jordan Ellis', type: 'TENANT' }],
      }),
    });
    expect(error.extensions).toMatchObject({
      code: 'POLICY_REFUSED',
      refusal: 'COMPLAINANT_ALREADY_RECORDED',
    });
    const c = await log();
    expect(
      await refused('recordContractor', { id: c.id, contractor: { name: '   ' } }, c),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contractor.name' });
  });
});

describe('points raised during the investigation (Code 6.8)', () => {
  it('adds a point to the open stage, and refuses one after the response', async () => {
    const c = await log();
    const added = await run('addPoint', {
      id: c.id,
      point: 'The bathroom extractor is broken as well.',
      v: c.version,
    });
    expect(added.version).toBe(c.version + 1);
    expect(added.stages).toEqual([
      { number: 1, points: [{ point: 'The bathroom extractor is broken as well.' }] },
    ]);
    expect(added.events.at(-1)).toMatchObject({
      type: 'point-added',
      data: { stage: 1, point: 'The bathroom extractor is broken as well.' },
    });
    expect(await refused('addPoint', { id: c.id, point: '  ' }, added)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'point',
    });
    expect(await refused('addPoint', { id: c.id, point: 'x', v: c.version }, added)).toMatchObject({
      code: 'CONFLICT',
    });

    const answered = await responded();
    const late = await refused(
      'addPoint',
      { id: answered.id, point: 'And the front door sticks.' },
      answered,
    );
    expect(late).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'POINT_AFTER_RESPONSE' });
    expect(late.message).toMatch(/6\.8/);
  });
});

describe('remedies followed through (Code 6.6, 7.1, 7.3)', () => {
  it('numbers the remedies, links an action to one, and records updates on it', async () => {
    const c = await responded();
    expect(c.remedies.map((r) => [r.id, r.stage, r.kind, r.amountPence, r.paidPence])).toEqual([
      ['1.1', 1, 'APOLOGY', null, 0],
      ['1.2', 1, 'FINANCIAL_COMPENSATION', 15000, 0],
    ]);
    const agreed = await run('agreeAction', {
      id: c.id,
      input: {
        id: 'apology',
        description: 'Write to apologise.',
        owner: 'Sam Patel',
        dueOn: '2027-03-08',
        remedyId: '1.1',
      },
    });
    expect(agreed.actions).toEqual([
      { id: 'apology', remedy: 'APOLOGY', remedyId: '1.1', updates: [] },
    ]);
    const updated = await run('update', {
      id: c.id,
      actionId: 'apology',
      update: 'The letter is drafted and goes out on Friday.',
      method: 'PHONE',
    });
    expect(updated.actions[0]?.updates).toEqual([
      { update: 'The letter is drafted and goes out on Friday.', method: 'PHONE' },
    ]);

    expect(
      await refused(
        'agreeAction',
        {
          id: c.id,
          input: { description: 'Pay it.', owner: 'Finance', dueOn: '2027-03-08', remedyId: '2.1' },
        },
        updated,
      ),
    ).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'REMEDY_NOT_FOUND', field: 'remedyId' });
    expect(
      await refused(
        'update',
        { id: c.id, actionId: 'gutter', update: 'Soon.', method: 'EMAIL' },
        updated,
      ),
    ).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'ACTION_NOT_FOUND', field: 'actionId' });
    const done = await run('completeAction', { id: c.id, actionId: 'apology' });
    expect(
      await refused(
        'update',
        { id: c.id, actionId: 'apology', update: 'Sent.', method: 'EMAIL' },
        done,
      ),
    ).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'ACTION_ALREADY_COMPLETED' });
    expect(
      await refused(
        'update',
        { id: c.id, actionId: 'apology', update: ' ', method: 'EMAIL' },
        done,
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'update' });
  });

  it("records the resident's answer and payments, never more than was offered", async () => {
    const c = await responded();
    const accepted = await run('answer', {
      id: c.id,
      remedyId: '1.2',
      answer: 'ACCEPTED',
      note: 'Accepted by phone.',
    });
    expect(accepted.remedies[1]?.answer).toEqual({
      answer: 'ACCEPTED',
      answerLabel: 'Accepted',
      note: 'Accepted by phone.',
    });
    expect(
      await refused('answer', { id: c.id, remedyId: '1.2', answer: 'DECLINED' }, accepted),
    ).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'REMEDY_ALREADY_ANSWERED' });
    expect(
      await refused('answer', { id: c.id, remedyId: '1.9', answer: 'ACCEPTED' }, accepted),
    ).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'REMEDY_NOT_FOUND', field: 'remedyId' });

    const paid = await run('pay', {
      id: c.id,
      remedyId: '1.2',
      amountPence: 10000,
      paidOn: '2026-11-27',
    });
    expect(paid.remedies[1]).toMatchObject({
      payments: [{ amountPence: 10000, paidOn: '2026-11-27' }],
      paidPence: 10000,
    });
    const over = await refused(
      'pay',
      { id: c.id, remedyId: '1.2', amountPence: 6000, paidOn: '2026-11-28' },
      paid,
    );
    expect(over).toMatchObject({
      code: 'POLICY_REFUSED',
      refusal: 'PAYMENT_OVER_REMEDY',
      field: 'amountPence',
    });
    expect(over.message).toMatch(/£50\.00/);
    expect(
      await refused(
        'pay',
        { id: c.id, remedyId: '1.1', amountPence: 100, paidOn: '2026-11-28' },
        paid,
      ),
    ).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'REMEDY_NOT_PAYABLE' });
    expect(
      await refused(
        'pay',
        { id: c.id, remedyId: '1.2', amountPence: 100, paidOn: '2027-03-02' },
        paid,
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'paidOn' });
    const rest = await run('pay', {
      id: c.id,
      remedyId: '1.2',
      amountPence: 5000,
      paidOn: '2026-12-01',
    });
    expect(rest.remedies[1]?.paidPence).toBe(15000);
  });

  it('pays nothing on, and agrees no action for, a remedy the resident declined', async () => {
    const c = await responded();
    const declined = await run('answer', { id: c.id, remedyId: '1.2', answer: 'DECLINED' });
    expect(
      await refused(
        'pay',
        { id: c.id, remedyId: '1.2', amountPence: 100, paidOn: '2026-11-28' },
        declined,
      ),
    ).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'REMEDY_DECLINED' });
    expect(
      await refused(
        'agreeAction',
        {
          id: c.id,
          input: { description: 'Pay it.', owner: 'Finance', dueOn: '2027-03-08', remedyId: '1.2' },
        },
        declined,
      ),
    ).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'REMEDY_DECLINED' });
  });

  it('closes only once the compensation offered is paid in full (Code 7.3)', async () => {
    const c = await responded();
    const unpaid = await refused('close', { id: c.id }, c);
    expect(unpaid).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'CLOSE_WITH_REMEDY_UNPAID' });
    expect(unpaid.message).toMatch(/Remedy 1\.2 \(£150\.00 of compensation\) is unpaid/);
    expect(unpaid.message).toMatch(/Code 7\.3/);

    const part = await run('pay', {
      id: c.id,
      remedyId: '1.2',
      amountPence: 10000,
      paidOn: '2026-11-24',
    });
    const partly = await refused('close', { id: c.id }, part);
    expect(partly).toMatchObject({ refusal: 'CLOSE_WITH_REMEDY_UNPAID' });
    expect(partly.message).toMatch(/£150\.00 of compensation, £100\.00 paid/);

    await run('pay', { id: c.id, remedyId: '1.2', amountPence: 5000, paidOn: '2026-11-25' });
    const closed = await run('close', { id: c.id });
    expect(closed.status).toBe('CLOSED');
    expect(closed.events.at(-1)?.type).toBe('complaint-closed');
  });
});

describe('a case stored before the casework steps', () => {
  /** The snapshot as such a case's row holds it: none of what the casework steps keep. */
  function asStoredBefore(state: Record<string, unknown>): Record<string, unknown> {
    const omit = (value: unknown, keys: readonly string[]) =>
      Object.fromEntries(Object.entries(value as object).filter(([key]) => !keys.includes(key)));
    const old = omit(state, [
      'additionalComplainants',
      'contractor',
      'remedies',
      'escalationRefusal',
      'reopenings',
      'mergedInto',
      'duplicates',
    ]);
    return {
      ...old,
      stages: (state.stages as Record<string, unknown>[]).map((stage) => ({
        ...omit(stage, [
          'acknowledgedBy',
          'understanding',
          'outcomeSought',
          'clarification',
          'points',
        ]),
        extensions: (stage.extensions as object[]).map((e) => omit(e, ['notice'])),
        remedies: (stage.remedies as object[]).map((r) => omit(r, ['id'])),
      })),
      actions: (state.actions as object[]).map((a) => omit(a, ['remedyId', 'updates'])),
      ombudsman: (state.ombudsman as object[]).map((r) =>
        omit(r, ['ombudsman', 'determination', 'orders']),
      ),
    };
  }

  it('reads with its remedies numbered, and takes every casework step', async () => {
    const c = await responded();
    await run('agreeAction', {
      id: c.id,
      input: { id: 'fan', description: 'Fit a fan.', owner: 'Repairs', dueOn: '2027-03-08' },
    });
    const referred = await run('refer', { id: c.id, reference: 'HOS-77' });
    const [row] = (await api.dataSource.query('SELECT state FROM complaint WHERE id = $1', [
      c.id,
    ])) as { state: Record<string, unknown> }[];
    await api.dataSource.query('UPDATE complaint SET state = $1::jsonb WHERE id = $2', [
      JSON.stringify(asStoredBefore(row?.state ?? {})),
      c.id,
    ]);

    const read = await run('get', { id: c.id });
    expect(read).toMatchObject({
      version: referred.version,
      additionalComplainants: [],
      contractor: null,
      duplicates: [],
      mergedInto: null,
      actions: [{ id: 'fan', remedyId: null, updates: [] }],
      ombudsmanReferrals: [{ reference: 'HOS-77', ombudsman: 'HOUSING_OMBUDSMAN', orders: [] }],
    });
    expect(read.remedies).toEqual(referred.remedies);

    await run('answer', { id: c.id, remedyId: '1.2', answer: 'ACCEPTED' });
    await run('pay', { id: c.id, remedyId: '1.2', amountPence: 15000, paidOn: '2026-12-01' });
    await run('update', { id: c.id, actionId: 'fan', update: 'Booked.', method: 'EMAIL' });
    await run('addComplainant', { id: c.id, complainant: RESIDENT });
    const after = await run('determine', {
      id: c.id,
      input: {
        reference: 'HOS-77',
        determinedOn: '2027-03-01',
        findings: ['REASONABLE_REDRESS'],
        summary: 'The landlord put things right.',
      },
    });
    expect(after).toMatchObject({
      version: referred.version + 5,
      additionalComplainants: [{ name: 'Priya Shah' }],
      actions: [{ updates: [{ update: 'Booked.' }] }],
      ombudsmanReferrals: [{ determination: { findings: ['REASONABLE_REDRESS'] } }],
    });
    expect(after.remedies[1]).toMatchObject({ answer: { answer: 'ACCEPTED' }, paidPence: 15000 });
  });
});
