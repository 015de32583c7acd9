// Merging a duplicate into the case it repeats, through GraphQL: both or neither, both histories
// kept, the duplicate's reference answering with the survivor, and a partner key merging only
// within the cases it may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseworkSteps } from '../test/casework-operations.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { newPartnerKey, type PartnerKey } from '../test/test-principals.js';

const NOW = '2027-03-01T12:00:00Z';

let api: TestServer;
const { run, refused, log, responded } = caseworkSteps(() => api.url);

beforeAll(async () => {
  api = await startTestServer({ now: NOW });
});

afterAll(async () => {
  await api?.stop();
});

describe('merging a duplicate into the case it repeats', () => {
  it("ends the duplicate, keeps both histories, and answers the duplicate's reference with the survivor", async () => {
    const [survivor, duplicate] = [await log(), await log()];
    const merged = await run('merge', {
      duplicateId: duplicate.id,
      intoId: survivor.id,
      v: duplicate.version,
      intoV: survivor.version,
    });
    expect(merged).toMatchObject({
      id: survivor.id,
      version: survivor.version + 1,
      duplicates: [{ id: duplicate.id, reference: duplicate.reference }],
      mergedInto: null,
    });
    expect(merged.events.at(-1)?.type).toBe('duplicate-absorbed');

    const ended = await run('get', { id: duplicate.id });
    expect(ended).toMatchObject({
      status: 'MERGED',
      mergedInto: { id: survivor.id, reference: survivor.reference },
    });
    expect(ended.events.map((e) => e.type)).toEqual(['complaint-logged', 'merged-into']);

    const answered = await run('byReference', { reference: duplicate.reference.toLowerCase() });
    expect(answered.id).toBe(survivor.id);
    expect((await run('byReference', { reference: survivor.reference })).id).toBe(survivor.id);

    const closed = await refused('addPoint', { id: duplicate.id, point: 'More damp.' }, ended);
    expect(closed).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'COMPLAINT_NOT_OPEN' });
    expect(closed.message).toContain(survivor.reference);
  });

  it('writes neither case when the survivor refuses the duplicate', async () => {
    const [withdrawn, duplicate] = [await log(), await log()];
    const gone = await run('withdraw', { id: withdrawn.id });
    const error = await refused(
      'merge',
      { duplicateId: duplicate.id, intoId: withdrawn.id },
      duplicate,
    );
    expect(error).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'COMPLAINT_NOT_OPEN' });
    expect(error.message).toContain(withdrawn.reference);
    const [after, survivorAfter] = [
      await run('get', { id: duplicate.id }),
      await run('get', { id: withdrawn.id }),
    ];
    expect(after).toMatchObject({ status: 'RECEIVED', mergedInto: null });
    expect(survivorAfter).toMatchObject({ version: gone.version, duplicates: [] });
    expect((await run('byReference', { reference: duplicate.reference })).id).toBe(duplicate.id);
  });

  it('refuses merging into itself, a stale version, a chain, and a duplicate with open actions', async () => {
    const c = await log();
    expect(await refused('merge', { duplicateId: c.id, intoId: c.id }, c)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'intoId',
    });
    const other = await log();
    expect(
      await refused('merge', { duplicateId: c.id, intoId: other.id, intoV: other.version + 1 }, c),
    ).toMatchObject({ code: 'CONFLICT' });

    const absorbed = await run('merge', { duplicateId: other.id, intoId: c.id });
    const third = await log();
    expect(await refused('merge', { duplicateId: c.id, intoId: third.id }, absorbed)).toMatchObject(
      {
        code: 'POLICY_REFUSED',
        refusal: 'MERGE_CHAIN',
      },
    );

    const busy = await responded([{ kind: 'APOLOGY', description: 'An apology in writing.' }]);
    const withAction = await run('agreeAction', {
      id: busy.id,
      input: { description: 'Write to apologise.', owner: 'Sam Patel', dueOn: '2027-03-08' },
    });
    expect(
      await refused('merge', { duplicateId: busy.id, intoId: third.id }, withAction),
    ).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'MERGE_WITH_OPEN_ACTIONS' });
  });

  describe('by a partner key', () => {
    let key: PartnerKey;

    beforeAll(async () => {
      key = await newPartnerKey(api.services, ['complaints:read', 'complaints:write']);
    });

    it('merges within the cases it logged, and finds neither half of one it did not', async () => {
      const [mine, myDuplicate] = [await log({}, key.headers), await log({}, key.headers)];
      const merged = await run(
        'merge',
        { duplicateId: myDuplicate.id, intoId: mine.id },
        key.headers,
      );
      expect(merged.duplicates.map((d) => d.id)).toEqual([myDuplicate.id]);
      expect((await run('byReference', { reference: myDuplicate.reference }, key.headers)).id).toBe(
        mine.id,
      );

      const theirs = await log();
      const another = await log({}, key.headers);
      for (const variables of [
        { duplicateId: another.id, intoId: theirs.id },
        { duplicateId: theirs.id, intoId: another.id },
      ]) {
        const error = await refused('merge', variables, another, key.headers);
        expect(error).toMatchObject({ code: 'NOT_FOUND' });
      }
      expect((await run('get', { id: theirs.id })).version).toBe(theirs.version);
    });
  });
});
