import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.js';
import { createServices } from '../services.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { ComplaintSnapshotPolicyRefs1763942400000 } from './migrations/1763942400000-complaint-snapshot-policy-refs.js';
import { mapTypedHandlersToUsers } from './migrations/1764115200000-sign-in.js';
import { fillMergedInto } from './migrations/1764460800000-merged-complaints.js';
import { fillStoppedDeadlines } from './migrations/1764547200000-deadline-stopped-at.js';
import { splitStoredEvents } from './migrations/1765411200000-personal-data.js';
import { mergeComplaints } from '../complaints/merge-complaints.js';
import { createPgPubSub } from './pg-pubsub.js';
import { principalFor, READER } from '../test/test-principals.js';

describe('the migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.close();
  });

  it('leave nothing for TypeORM to synchronise: entities and migrations agree', async () => {
    const log = await db.dataSource.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('have run, each recorded once', async () => {
    const rows: Array<{ name: string }> = await db.dataSource.query('SELECT name FROM migration');
    expect(rows.map((row) => row.name)).toEqual([
      'InitialSchema1763856000000',
      'ComplaintSnapshotPolicyRefs1763942400000',
      'SignIn1764115200000',
      'OidcSignIn1764201600000',
      'RateLimits1764288000000',
      'IdempotencyKeys1764374400000',
      'MergedComplaints1764460800000',
      'DeadlineStoppedAt1764547200000',
      'ListOrderings1764633600000',
      'DeadlineReadModel1764720000000',
      'MeasuresReadModel1764806400000',
      'MeasuresInputs1764892800000',
      'Letters1764979200000',
      'CaseNotes1765065600000',
      'Attachments1765152000000',
      'ReviewPanel1765238400000',
      'PersonalData1765411200000',
    ]);
    expect(await db.dataSource.showMigrations()).toBe(false);
  });

  describe('the event table is append-only', () => {
    beforeAll(async () => {
      await db.dataSource.query(
        `INSERT INTO complaint_event (complaint_id, version, type, payload, occurred_at, actor_kind, actor_id)
         VALUES (gen_random_uuid(), 1, 'complaint-logged', '{}', now(), 'system', 'test')`,
      );
    });

    it.each([
      ['UPDATE', "UPDATE complaint_event SET type = 'complaint-closed'"],
      ['DELETE', 'DELETE FROM complaint_event'],
      // CASCADE: the events' personal parts refer to them, and are no way round the rule.
      ['TRUNCATE', 'TRUNCATE complaint_event CASCADE'],
    ])('refuses %s', async (operation, sql) => {
      await expect(db.dataSource.query(sql)).rejects.toThrow(
        `complaint_event is append-only: ${operation} is not allowed`,
      );
      const rows: Array<{ n: number }> = await db.dataSource.query(
        'SELECT count(*)::int AS n FROM complaint_event',
      );
      expect(rows[0]?.n).toBe(1);
    });

    it('still accepts new events', async () => {
      await db.dataSource.query(
        `INSERT INTO complaint_event (complaint_id, version, type, payload, occurred_at, actor_kind, actor_id)
         VALUES (gen_random_uuid(), 1, 'complaint-logged', '{}', now(), 'system', 'test')`,
      );
      const rows: Array<{ n: number }> = await db.dataSource.query(
        'SELECT count(*)::int AS n FROM complaint_event',
      );
      expect(rows[0]?.n).toBe(2);
    });
  });

  it('rewrite a snapshot holding full policy copies into references that read back the same', async () => {
    const pubsub = createPgPubSub(db.dataSource, db.listener);
    const services = createServices(db.dataSource, { clock: systemClock, pubsub });
    const { state } = await services.complaints.log(
      {
        receivedAt: '2026-11-06T09:30:00Z',
        channel: 'email',
        complainant: { name: 'Jordan Ellis', type: 'tenant' },
        summary: 'Damp in the back bedroom.',
        category: 'repairs',
        tenure: 'lcra',
      },
      { by: principalFor({ kind: 'system', id: 'test' }), at: '2026-11-06T09:30:00Z' },
    );
    // The shape written before the migration: each stage carries its policy in full.
    await db.dataSource.query('UPDATE complaint SET state = $1::text::jsonb WHERE id = $2', [
      JSON.stringify(state),
      state.id,
    ]);
    expect((await services.complaints.findById(READER, state.id))?.state).toEqual(state);

    const runner = db.dataSource.createQueryRunner();
    try {
      await new ComplaintSnapshotPolicyRefs1763942400000().up(runner);
    } finally {
      await runner.release();
    }
    const rows: Array<{ policy: unknown }> = await db.dataSource.query(
      "SELECT state->'stages'->0->'policy' AS policy FROM complaint WHERE id = $1",
      [state.id],
    );
    expect(rows[0]?.policy).toEqual({ id: 'code-2024', version: state.stages[0]?.policy.version });
    expect((await services.complaints.findById(READER, state.id))?.state).toEqual(state);
    await pubsub.close();
  });

  it('give a case typed before sign-in who logged it, and its handler as a user, inactive and without a role', async () => {
    const pubsub = createPgPubSub(db.dataSource, db.listener);
    const services = createServices(db.dataSource, { clock: systemClock, pubsub });
    const by = principalFor({ kind: 'user', id: 'intake.team', name: 'Intake Team' });
    const { state } = await services.complaints.log(
      {
        receivedAt: '2026-11-06T09:30:00Z',
        channel: 'phone',
        complainant: { name: 'Rhys Hughes', type: 'tenant' },
        summary: 'The heating timer is still not fixed.',
        category: 'repairs',
        tenure: 'lcra',
      },
      { by, at: '2026-11-06T09:30:00Z' },
    );
    await services.complaints.execute(
      state.id,
      { type: 'assign', handler: 'Morgan Reed (typed)' },
      { by, at: '2026-11-06T10:00:00Z' },
    );
    // As the row was before the migration: no loggedBy, no handlerId, no assignee_id.
    await db.dataSource.query(
      `UPDATE complaint
          SET assignee_id = NULL,
              state = (state - 'loggedBy') || jsonb_build_object('stages', (
                SELECT jsonb_agg(s - 'handlerId' - 'teamId' - 'respondedBy' ORDER BY n)
                  FROM jsonb_array_elements(state->'stages') WITH ORDINALITY AS t(s, n)))
        WHERE id = $1`,
      [state.id],
    );

    const runner = db.dataSource.createQueryRunner();
    try {
      await mapTypedHandlersToUsers(runner);
    } finally {
      await runner.release();
    }
    const users: Array<{ id: string; role: string | null; active: boolean; email: string }> =
      await db.dataSource.query(
        "SELECT id, role, active, email FROM app_user WHERE name = 'Morgan Reed (typed)'",
      );
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ role: null, active: false });
    expect(users[0]?.email).toMatch(/^handler-[0-9a-f]{12}@users\.redress\.invalid$/);
    const after = await services.complaints.findById(READER, state.id);
    expect(after?.summary.assigneeId).toBe(users[0]?.id);
    expect(after?.state.stages[0]).toMatchObject({
      handler: 'Morgan Reed (typed)',
      handlerId: users[0]?.id,
    });
    expect(after?.state.loggedBy).toEqual({ kind: 'user', id: 'intake.team', name: 'Intake Team' });
    await pubsub.close();
  });

  it('give a duplicate merged before the column existed its survivor, so its reference answers with that case', async () => {
    const pubsub = createPgPubSub(db.dataSource, db.listener);
    const services = createServices(db.dataSource, { clock: systemClock, pubsub });
    const by = principalFor({ kind: 'system', id: 'test' });
    const log = () =>
      services.complaints.log(
        {
          receivedAt: '2026-11-06T09:30:00Z',
          channel: 'email',
          complainant: { name: 'Jordan Ellis', type: 'tenant' },
          summary: 'Damp in the back bedroom.',
          category: 'repairs',
          tenure: 'lcra',
        },
        { by, at: '2026-11-06T09:30:00Z' },
      );
    const [survivor, duplicate] = [await log(), await log()];
    await mergeComplaints(services.complaints, by, {
      duplicateId: duplicate.state.id,
      intoId: survivor.state.id,
    });
    // As the row was before the migration: the merge in the snapshot, no column.
    await db.dataSource.query('UPDATE complaint SET merged_into_id = NULL WHERE id = $1', [
      duplicate.state.id,
    ]);
    const reference = duplicate.state.reference;
    expect((await services.complaints.findByReference(READER, reference))?.state.id).toBe(
      duplicate.state.id,
    );

    const runner = db.dataSource.createQueryRunner();
    try {
      await fillMergedInto(runner);
    } finally {
      await runner.release();
    }
    expect((await services.complaints.findByReference(READER, reference))?.state.id).toBe(
      survivor.state.id,
    );
    await pubsub.close();
  });

  it('give a case refused before the column existed back the deadline it had already missed', async () => {
    const pubsub = createPgPubSub(db.dataSource, db.listener);
    const services = createServices(db.dataSource, { clock: systemClock, pubsub });
    const by = principalFor({ kind: 'system', id: 'test' });
    const logged = await services.complaints.log(
      {
        receivedAt: '2026-11-06T09:30:00Z',
        channel: 'phone',
        complainant: { name: 'Sam Okafor', type: 'tenant' },
        summary: 'A fence panel the landlord replaced in 2024 has blown down again.',
        desiredOutcome: 'The fence put right.',
        category: 'repairs',
        tenure: 'lcra',
      },
      { by, at: '2026-11-06T09:30:00Z' },
    );
    // Refused on Wed 18 Nov, after the acknowledgement fell due (Fri 13 Nov) undone.
    await services.complaints.execute(
      logged.state.id,
      {
        type: 'refuse',
        reason: 'already-considered',
        explanation: 'We answered this complaint about the fence in full in March 2025.',
        notice: { toldOn: '2026-11-18', method: 'letter', ombudsmanDetailsGiven: true },
      },
      { by, at: '2026-11-18T10:00:00Z' },
    );
    const stopped = () =>
      db.dataSource.query(
        `SELECT stage, kind, due_on::text AS due_on, stopped_at IS NOT NULL AS stopped
           FROM complaint_deadline WHERE complaint_id = $1 ORDER BY stage, kind`,
        [logged.state.id],
      );
    const written = await stopped();
    expect(written).toEqual([
      { stage: 1, kind: 'acknowledge', due_on: '2026-11-13', stopped: true },
    ]);
    // As the rows were before the column: a refused case kept no open deadline.
    await db.dataSource.query('DELETE FROM complaint_deadline WHERE complaint_id = $1', [
      logged.state.id,
    ]);

    const runner = db.dataSource.createQueryRunner();
    try {
      expect(await fillStoppedDeadlines(runner)).toBeGreaterThanOrEqual(1);
    } finally {
      await runner.release();
    }
    expect(await stopped()).toEqual(written);
    await pubsub.close();
  });

  it('move the personal fields of events stored before they were kept apart, and the case reads the same', async () => {
    const pubsub = createPgPubSub(db.dataSource, db.listener);
    const services = createServices(db.dataSource, { clock: systemClock, pubsub });
    const by = principalFor({ kind: 'system', id: 'test' });
    const { state } = await services.complaints.log(
      {
        receivedAt: '2026-11-06T09:30:00Z',
        channel: 'email',
        complainant: { name: 'Kit Marlowe', type: 'tenant', email: 'kit@example.org' },
        summary: 'Kit reports damp at 3 Bell Yard.',
        category: 'repairs',
        tenure: 'lcra',
      },
      { by, at: '2026-11-06T09:30:00Z' },
    );
    const before = await services.complaints.findById(READER, state.id);
    // As the event was stored before the migration: whole, with no personal part beside it.
    await db.dataSource.query(
      'ALTER TABLE complaint_event DISABLE TRIGGER complaint_event_no_update_delete',
    );
    await db.dataSource.query(
      `UPDATE complaint_event e SET payload = e.payload || p.personal
         FROM complaint_event_personal p
        WHERE p.complaint_id = e.complaint_id AND p.version = e.version AND e.complaint_id = $1`,
      [state.id],
    );
    await db.dataSource.query(
      'ALTER TABLE complaint_event ENABLE TRIGGER complaint_event_no_update_delete',
    );
    await db.dataSource.query('DELETE FROM complaint_event_personal');
    const whole: Array<{ payload: string }> = await db.dataSource.query(
      'SELECT payload::text AS payload FROM complaint_event WHERE complaint_id = $1',
      [state.id],
    );
    expect(whole[0]?.payload).toContain('Kit Marlowe');

    const runner = db.dataSource.createQueryRunner();
    try {
      await splitStoredEvents(runner);
    } finally {
      await runner.release();
    }
    const kept: Array<{ payload: string; personal: string }> = await db.dataSource.query(
      `SELECT e.payload::text AS payload, p.personal::text AS personal
         FROM complaint_event e JOIN complaint_event_personal p USING (complaint_id, version)
        WHERE e.complaint_id = $1`,
      [state.id],
    );
    expect(kept).toHaveLength(1);
    expect(kept[0]?.payload).not.toMatch(/Kit|Bell Yard|kit@/);
    expect(kept[0]?.personal).toMatch(/Kit Marlowe/);
    expect((await services.complaints.findById(READER, state.id))?.state).toEqual(before?.state);
    // The event table is append-only again.
    await expect(
      db.dataSource.query("UPDATE complaint_event SET type = 'complaint-closed'"),
    ).rejects.toThrow('append-only');
    await pubsub.close();
  });
});
