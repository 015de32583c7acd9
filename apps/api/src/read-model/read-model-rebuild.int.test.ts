// The read model made again from the events equals the one the writes left: every case's row,
// deadline rows and action-measure rows, after they were scrambled, deleted or joined by rows
// no case has. Over demo cases (escalations, refusals, merges, remedies, the Ombudsman) and
// cases made here through the API, with alerts raised on some deadlines first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillCaseMeasures } from '../database/migrations/1764806400000-measures-read-model.js';
import { MEASURE_COLUMNS } from '../complaints/measure-columns.js';
import { loadDemoData } from '../demo/demo-data.js';
import { caseworkSteps } from '../test/casework-operations.js';
import { READER } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

let api: TestServer;
const steps = caseworkSteps(() => api.url);

type Row = Record<string, unknown>;

interface Snapshot {
  readonly complaints: Row[];
  readonly deadlines: Row[];
  readonly actions: Row[];
}

async function snapshot(): Promise<Snapshot> {
  const db = api.dataSource;
  return {
    complaints: await db.query('SELECT * FROM complaint ORDER BY id'),
    deadlines: await db.query(
      'SELECT * FROM complaint_deadline ORDER BY complaint_id, stage, kind',
    ),
    actions: await db.query(
      'SELECT * FROM complaint_action_measure ORDER BY complaint_id, action_id',
    ),
  };
}

const withoutTimes = ({ created_at: _c, updated_at: _u, ...row }: Row): Row => row;

let before: Snapshot;
let deleted: string[];

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-27T14:30:00Z' });
  await loadDemoData(api.services, api.clock, { count: 120 });
  // Cases of this file's own, through the API: answered with compensation and an action done,
  // one open, one withdrawn.
  const answered = await steps.responded();
  const agreed = await steps.run('agreeAction', {
    id: answered.id,
    input: {
      id: 'fan',
      description: 'Fit an extractor fan in the bathroom',
      owner: 'Repairs',
      dueOn: '2026-12-04',
    },
  });
  await steps.run('completeAction', { id: agreed.id, actionId: 'fan' });
  await steps.log();
  const withdrawn = await steps.log();
  await steps.run('withdraw', { id: withdrawn.id });
  // Alerts on the deadlines due soon or overdue: a rebuild keeps what was raised.
  await api.watcher.runOnce();
  before = await snapshot();
}, 240_000);

afterAll(async () => {
  await api?.stop();
});

describe('the read-model rebuild', () => {
  it('starts from a read model with every kind of row in it', () => {
    expect(before.complaints.length).toBeGreaterThan(100);
    expect(before.actions.length).toBeGreaterThan(0);
    expect(before.deadlines.some((d) => d.last_alert !== null)).toBe(true);
    expect(before.complaints.some((c) => c.stage2_received_year !== null)).toBe(true);
    expect(before.complaints.some((c) => c.refused_year !== null)).toBe(true);
    expect(before.complaints.some((c) => c.compensation_offered_pence !== 0)).toBe(true);
  });

  it('makes every row again from the events after they were scrambled, deleted or invented', async () => {
    const db = api.dataSource;
    // Two cases none of whose deadlines raised an alert (an alert is history, not a projection),
    // one of them with an action, lose their rows altogether.
    const quiet: Array<{ id: string }> = await db.query(
      `SELECT c.id FROM complaint c
        WHERE NOT EXISTS (SELECT 1 FROM deadline_alert a WHERE a.complaint_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM complaint_deadline d
                           WHERE d.complaint_id = c.id AND d.last_alert IS NOT NULL)
        ORDER BY EXISTS (SELECT 1 FROM complaint_action_measure m WHERE m.complaint_id = c.id) DESC,
                 c.id
        LIMIT 2`,
    );
    deleted = quiet.map((row) => row.id);
    expect(deleted).toHaveLength(2);
    await db.query('DELETE FROM complaint WHERE id = ANY($1::uuid[])', [deleted]);
    // Every other row wrong in its derived columns, its snapshot included.
    await db.query(
      `UPDATE complaint SET
         status = 'closed', stage = 1, next_due_on = NULL, next_due_kind = NULL,
         open_actions = 99, received_year = 1999, stage1_counted = NOT stage1_counted,
         stage1_on_time = NULL, stage2_received_year = 1999, refused_year = NULL,
         compensation_offered_pence = -1, ombudsman_findings = 'maladministration',
         satisfaction_score = 0, resident_key = 'scrambled',
         state = jsonb_set(state, '{summary}', '"scrambled"')`,
    );
    await db.query(
      `UPDATE complaint_deadline SET warn_on = due_on, provisional = NOT provisional,
         met_at = NULL WHERE last_alert IS NOT NULL`,
    );
    await db.query('DELETE FROM complaint_deadline WHERE last_alert IS NULL AND stage = 1');
    await db.query(
      `INSERT INTO complaint_deadline (complaint_id, stage, kind, due_on, warn_on, provisional)
       SELECT id, 2, 'respond', '2030-01-01', '2029-12-20', false FROM complaint
        WHERE stage2_received_year = 1999 LIMIT 3
       ON CONFLICT DO NOTHING`,
    );
    await db.query('DELETE FROM complaint_action_measure WHERE on_time IS NOT NULL');
    await db.query(`UPDATE complaint_action_measure SET due_year = 1999, on_time = false`);
    await db.query(
      `INSERT INTO complaint_action_measure (complaint_id, action_id, stage, due_on, due_year)
       SELECT id, 'invented', 1, '2026-12-01', 2026 FROM complaint LIMIT 3`,
    );
    expect(await snapshot()).not.toEqual(before);

    const events: Array<{ cases: number; events: number }> = await db.query(
      'SELECT count(DISTINCT complaint_id)::int AS cases, count(*)::int AS events FROM complaint_event',
    );
    const result = await api.services.readModel.rebuild();
    expect(result).toEqual({
      complaints: events[0]?.cases,
      events: events[0]?.events,
      ms: expect.any(Number),
    });

    const after = await snapshot();
    expect(after.deadlines).toEqual(before.deadlines);
    expect(after.actions).toEqual(before.actions);
    expect(after.complaints.map(withoutTimes)).toEqual(before.complaints.map(withoutTimes));
    // A row that was there keeps its times (the case did not change); one made again takes its
    // events' times.
    const kept = (rows: Row[]) => rows.filter((row) => !deleted.includes(String(row.id)));
    expect(kept(after.complaints)).toEqual(kept(before.complaints));
    const recorded: Array<{ id: string; first: Date; last: Date }> = await db.query(
      `SELECT complaint_id AS id, min(recorded_at) AS first, max(recorded_at) AS last
         FROM complaint_event WHERE complaint_id = ANY($1::uuid[]) GROUP BY complaint_id`,
      [deleted],
    );
    for (const { id, first, last } of recorded) {
      const row = after.complaints.find((c) => c.id === id);
      expect(row?.created_at).toEqual(first);
      expect(row?.updated_at).toEqual(last);
    }
  });

  it('leaves the same rows when run again, and the cases read as before', async () => {
    const once = await snapshot();
    await api.services.readModel.rebuild();
    expect(await snapshot()).toEqual(once);
    // Read back through the service as a request reads it: summary and snapshot as before.
    for (const row of before.complaints.slice(0, 20)) {
      const read = await api.services.complaints.findById(READER, String(row.id));
      expect(read?.summary.reference).toBe(row.reference);
      expect(read?.state.version).toBe(row.version);
      expect(read?.state.summary).toBe((row.state as { summary: string }).summary);
    }
  });

  it('and the migration that added the measure columns fills them as a write would', async () => {
    const db = api.dataSource;
    const written = await snapshot();
    // As the rows were before it: no measure columns (those that must hold a value, wrong),
    // no action rows.
    const required = new Set([
      'received_year',
      'stage1_counted',
      'compensation_offered_pence',
      'compensation_paid_pence',
      'resident_key',
    ]);
    await db.query(
      `UPDATE complaint SET ${MEASURE_COLUMNS.filter((c) => !required.has(c.name))
        .map((c) => `${c.name} = NULL`)
        .join(', ')}, received_year = 0, stage1_counted = NOT stage1_counted,
        compensation_offered_pence = -1, compensation_paid_pence = -1, resident_key = ''`,
    );
    await db.query('DELETE FROM complaint_action_measure');
    const runner = db.createQueryRunner();
    try {
      expect(await fillCaseMeasures(runner)).toBe(written.complaints.length);
    } finally {
      await runner.release();
    }
    // The resident key is read from the complainant, whom the events hold apart since
    // PersonalData1765411200000 (complaint_event_personal): the migration ran before that,
    // when the events held it, so here it reads the complainant as the events keep them.
    const filled = await snapshot();
    const withoutKey = (rows: readonly Row[]) => rows.map(({ resident_key: _key, ...row }) => row);
    expect({ ...filled, complaints: withoutKey(filled.complaints) }).toEqual({
      ...written,
      complaints: withoutKey(written.complaints),
    });
  });
});
