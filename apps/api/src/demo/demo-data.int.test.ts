import { COMPLAINT_STATUSES, ENDED_STATUSES } from '@redress/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { createPgPubSub, type PgPubSub } from '../database/pg-pubsub.js';
import { createServices, type Services } from '../services.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { loadDemoData, loadDemoDataWithReport, type DemoDataReport } from './demo-data.js';
import { READER } from '../test/test-principals.js';

describe('the demo data', () => {
  const clock = fixedClock('2026-11-20T14:30:00Z');
  let db: TestDatabase;
  let pubsub: PgPubSub;
  let services: Services;
  let report: DemoDataReport;
  let loadMs: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    pubsub = createPgPubSub(db.dataSource, db.listener);
    services = createServices(db.dataSource, { clock, pubsub });
    const started = performance.now();
    report = await loadDemoDataWithReport(services, clock);
    loadMs = performance.now() - started;
    console.info(
      `Demo data on ${db.engine}: ${report.complaints} complaints, ${report.events} events, ` +
        `${report.feedback} feedback items in ${Math.round(loadMs)} ms ` +
        `(deciding ${report.timings.decideMs} ms, writing ${report.timings.writeMs} ms) ` +
        `(steps refused and left out: ${JSON.stringify(report.refusedSteps)})`,
    );
  });

  afterAll(async () => {
    await pubsub?.close();
    await db?.close();
  });

  async function count(sql: string): Promise<number> {
    const rows: Array<{ n: number }> = await db.dataSource.query(sql);
    return rows[0]?.n ?? 0;
  }

  // How long it takes is printed above and measured in benchmarks, never asserted: a test's
  // verdict must not depend on the machine, nor on when it runs.
  it('loads a few hundred complaints', () => {
    expect(report.complaints).toBeGreaterThanOrEqual(300);
    // Every history is one the domain accepts step by step: none was cut short by a refusal.
    expect(report.refusedSteps).toEqual({});
  });

  it('covers every status, both stages, and the cases handlers look for', async () => {
    const statuses: Array<{ status: string }> = await db.dataSource.query(
      'SELECT DISTINCT status FROM complaint',
    );
    expect(statuses.map((s) => s.status).sort()).toEqual([...COMPLAINT_STATUSES].sort());
    const today = '2026-11-20';
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint WHERE received_on = '${today}'`),
    ).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint WHERE next_due_on < '${today}'`),
    ).toBeGreaterThan(5);
    expect(
      await count('SELECT count(*)::int AS n FROM complaint WHERE stage1_extended_days > 0'),
    ).toBeGreaterThan(5);
    expect(await count('SELECT count(*)::int AS n FROM complaint WHERE stage = 2')).toBeGreaterThan(
      20,
    );
    expect(
      await count(
        'SELECT count(*)::int AS n FROM complaint WHERE ombudsman_referred_at IS NOT NULL',
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        "SELECT count(*)::int AS n FROM complaint WHERE status = 'closed' AND open_actions = 0 AND state->'actions' <> '[]'::jsonb",
      ),
    ).toBeGreaterThan(10);
    expect(
      await count('SELECT count(DISTINCT category)::int AS n FROM complaint'),
    ).toBeGreaterThanOrEqual(6);
    expect(await count('SELECT count(DISTINCT tenure)::int AS n FROM complaint')).toBe(3);
    expect(
      await count('SELECT count(DISTINCT channel)::int AS n FROM complaint'),
    ).toBeGreaterThanOrEqual(6);
    expect(
      await count('SELECT count(*)::int AS n FROM complaint WHERE vulnerable'),
    ).toBeGreaterThan(10);
    expect(
      await count('SELECT count(*)::int AS n FROM complaint WHERE service_request_id IS NOT NULL'),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM complaint WHERE received_at < timestamptz '2025-07-01'`,
      ),
    ).toBeGreaterThan(10);
  });

  it('reads like a landlord’s year: at least 150 different summaries over the categories landlords use', async () => {
    const summaries = await count('SELECT count(DISTINCT summary)::int AS n FROM complaint');
    const categories: Array<{ category: string; n: number }> = await db.dataSource.query(
      'SELECT category, count(*)::int AS n FROM complaint GROUP BY category ORDER BY n DESC',
    );
    console.info(
      `Summaries: ${summaries} different; by category: ${categories.map((c) => `${c.category} ${c.n}`).join(', ')}`,
    );
    expect(summaries).toBeGreaterThanOrEqual(150);
    expect(categories.map((c) => c.category)).toEqual(
      expect.arrayContaining([
        'repairs',
        'damp-and-mould',
        'heating-and-hot-water',
        'anti-social-behaviour',
        'noise',
        'staff-conduct',
        'communication',
        'rent-and-service-charges',
        'estate-services',
        'lettings-and-allocations',
        'adaptations',
        'pest-control',
        'leasehold',
      ]),
    );
    // No summary stands for a large share of the cases.
    expect(
      await count(
        'SELECT max(n)::int AS n FROM (SELECT count(*) AS n FROM complaint GROUP BY summary) s',
      ),
    ).toBeLessThanOrEqual(6);
  });

  it('has a realistic share overdue at its today, and nothing left unacknowledged for long', async () => {
    const today = '2026-11-20';
    const ended = ENDED_STATUSES.map((s) => `'${s}'`).join(', ');
    const open = await count(
      `SELECT count(*)::int AS n FROM complaint WHERE status NOT IN (${ended})`,
    );
    const overdue = await count(
      `SELECT count(*)::int AS n FROM complaint
        WHERE status NOT IN (${ended}) AND next_due_on < '${today}'`,
    );
    const byKind: Array<{ kind: string; stage: number; n: number }> = await db.dataSource.query(
      `SELECT next_due_kind AS kind, next_due_stage AS stage, count(*)::int AS n FROM complaint
        WHERE status NOT IN (${ended}) AND next_due_on < '${today}' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    console.info(`Overdue by step: ${JSON.stringify(byKind)}`);
    const share = overdue / open;
    console.info(`Overdue: ${overdue} of ${open} open cases (${(share * 100).toFixed(1)}%)`);
    expect(share).toBeGreaterThanOrEqual(0.05);
    expect(share).toBeLessThanOrEqual(0.15);
    // An acknowledgement at most three weeks past its due date, at either stage.
    const longest = await count(
      `SELECT coalesce(max('${today}'::date - next_due_on), 0)::int AS n FROM complaint
        WHERE status NOT IN (${ended}) AND next_due_kind = 'acknowledge'`,
    );
    console.info(`Longest an open case waits past its acknowledgement date: ${longest} days`);
    expect(longest).toBeLessThanOrEqual(21);
    // A response at most eight weeks late: a case re-opened, or left unanswered, is recent.
    const latestResponse = await count(
      `SELECT coalesce(max('${today}'::date - next_due_on), 0)::int AS n FROM complaint
        WHERE status NOT IN (${ended}) AND next_due_kind = 'respond'`,
    );
    console.info(`Longest an open case waits past its response date: ${latestResponse} days`);
    expect(latestResponse).toBeLessThanOrEqual(56);
    // And nothing received months ago is still waiting for its first acknowledgement.
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint
                    WHERE status NOT IN (${ended}) AND stage1_acknowledged_at IS NULL
                      AND received_on < '${today}'::date - 42`),
    ).toBe(0);
  });

  it('has residents with the needs landlords’ procedures name, and representatives with consent', async () => {
    const complainant = (field: string) =>
      count(`SELECT count(*)::int AS n FROM complaint
              WHERE state->'complainant'->>'${field}' IS NOT NULL`);
    expect(await complainant('language')).toBeGreaterThan(5);
    expect(await complainant('format')).toBeGreaterThan(5);
    expect(await complainant('adjustments')).toBeGreaterThan(15);
    expect(
      await count(`SELECT count(DISTINCT state->'complainant'->>'preferredContact')::int AS n
                     FROM complaint`),
    ).toBeGreaterThanOrEqual(5);
    expect(
      await count(`SELECT count(DISTINCT state->'complainant'->>'type')::int AS n FROM complaint`),
    ).toBeGreaterThanOrEqual(6);
    // A representative acts with the resident's consent, recorded when the complaint was logged.
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint
                    WHERE jsonb_typeof(state->'representative') = 'object'`),
    ).toBeGreaterThan(10);
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint
                    WHERE jsonb_typeof(state->'representative') = 'object'
                      AND (state->'representative'->>'consentGiven' <> 'true'
                           OR state->'representative'->>'consentRecordedOn' IS NULL)`),
    ).toBe(0);
    expect(
      await count(`SELECT count(DISTINCT state->'representative'->>'role')::int AS n FROM complaint
                    WHERE jsonb_typeof(state->'representative') = 'object'`),
    ).toBeGreaterThanOrEqual(4);
    // Leaseholders and shared owners hold low-cost home ownership, never a social rent.
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint
                    WHERE state->'complainant'->>'type' IN ('leaseholder', 'shared-owner')
                      AND tenure <> 'lcho'`),
    ).toBe(0);
    // A hearing-impaired resident is never asked to take calls.
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint
                    WHERE state->'complainant'->>'adjustments' LIKE 'Hearing%'
                      AND state->'complainant'->>'preferredContact' = 'phone'`),
    ).toBe(0);
  });

  it('records each step by a real actor: online complaints and escalations by the resident portal’s key', async () => {
    const portal = await count(`SELECT count(*)::int AS n FROM complaint_event e
                                  JOIN api_key k ON k.id::text = e.actor_id
                                 WHERE e.type = 'escalation-requested' AND e.actor_kind = 'api-key'
                                   AND k.name = 'Resident portal'`);
    const escalations = await count(
      `SELECT count(*)::int AS n FROM complaint_event WHERE type = 'escalation-requested'`,
    );
    console.info(`Escalations: ${escalations}, of which ${portal} through the resident portal`);
    expect(portal).toBeGreaterThan(0);
    expect(portal).toBeLessThan(escalations);
    // The portal logged the complaints it escalates: a key acts only on what it logged.
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint_event e
                     JOIN complaint c ON c.id = e.complaint_id
                    WHERE e.actor_kind = 'api-key'
                      AND c.logged_by_api_key_id::text IS DISTINCT FROM e.actor_id`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint c JOIN api_key k
                       ON k.id = c.logged_by_api_key_id WHERE k.name = 'Resident portal'`),
    ).toBeGreaterThan(20);
    // Every user named as an actor is a user who exists.
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint_event e
                    WHERE e.actor_kind = 'user'
                      AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id::text = e.actor_id)`),
    ).toBe(0);
  });

  it('keeps the Code in each history: definitions, notices, refusals, stage 2 independence', async () => {
    // Every acknowledged stage sets out the complaint and the outcome sought (Code 5.6).
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint c, jsonb_array_elements(c.state->'stages') s
                    WHERE s->>'acknowledgedAt' IS NOT NULL
                      AND (s->>'understanding' IS NULL OR s->>'outcomeSought' IS NULL)`),
    ).toBe(0);
    // Every extension and every refusal records how the resident was told (2.4, 6.5, 6.16).
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint c, jsonb_array_elements(c.state->'stages') s,
                          jsonb_array_elements(s->'extensions') e
                    WHERE jsonb_typeof(e->'notice') <> 'object'`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint
                    WHERE status = 'refused'
                      AND (jsonb_typeof(state->'refusal'->'notice') <> 'object'
                           OR state->'refusal'->>'reason' = 'third-party-service')`),
    ).toBe(0);
    // Stage 2 is acknowledged by someone who neither held nor answered stage 1 (6.13).
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint
                    WHERE stage = 2
                      AND state->'stages'->1->'acknowledgedBy'->>'id' IN (
                            state->'stages'->0->>'handlerId',
                            state->'stages'->0->'respondedBy'->>'id')`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint WHERE stage = 2
                    AND state->'stages'->1->'acknowledgedBy' IS NOT NULL
                    AND jsonb_typeof(state->'stages'->1->'acknowledgedBy') = 'object'`),
    ).toBeGreaterThan(10);
    // Stage 2 declined with reasons, cases re-opened, and duplicates answered by the case they
    // repeat.
    expect(
      await count(
        "SELECT count(*)::int AS n FROM complaint WHERE close_reason = 'escalation-refused'",
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        "SELECT count(*)::int AS n FROM complaint WHERE jsonb_array_length(state->'reopenings') > 0",
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM complaint d
                    WHERE d.status = 'merged'
                      AND NOT EXISTS (
                        SELECT 1 FROM complaint c
                         WHERE c.id::text = d.state->'mergedInto'->>'id'
                           AND c.state->'duplicates' @> jsonb_build_array(jsonb_build_object('id', d.id::text)))`),
    ).toBe(0);
  });

  it('follows compensation through (Code 7.3): mostly paid days after, some declined, some owed', async () => {
    const compensation = `FROM complaint c, jsonb_array_elements(c.state->'remedies') r
      WHERE r->>'kind' = 'financial-compensation'`;
    const paid = `(SELECT coalesce(sum((p->>'amountPence')::int), 0)
                     FROM jsonb_array_elements(r->'payments') p)`;
    const declined = `coalesce(r->'answer'->>'answer', '') = 'declined'`;
    const inFull = await count(
      `SELECT count(*)::int AS n ${compensation} AND ${paid} = (r->>'amountPence')::int`,
    );
    const refused = await count(`SELECT count(*)::int AS n ${compensation} AND ${declined}`);
    const owedOnOpen = await count(
      `SELECT count(*)::int AS n ${compensation} AND c.closed_at IS NULL
         AND NOT ${declined} AND ${paid} < (r->>'amountPence')::int`,
    );
    console.info(
      `Compensation: ${inFull} paid, ${refused} declined, ${owedOnOpen} owed on open cases`,
    );
    expect(inFull).toBeGreaterThan(refused * 2);
    expect(refused).toBeGreaterThan(0);
    expect(owedOnOpen).toBeGreaterThan(0);
    // Paid a few working days after it was offered, mostly: within ten calendar days.
    const paidSoon = await count(
      `SELECT count(*)::int AS n ${compensation} AND EXISTS (
         SELECT 1 FROM jsonb_array_elements(r->'payments') p
          WHERE (p->>'paidOn')::date - (r->>'offeredAt')::timestamptz::date <= 10)`,
    );
    expect(paidSoon).toBeGreaterThan(inFull / 2);
    // No case closed by hand under the Code's preset with compensation owed.
    expect(
      await count(
        `SELECT count(*)::int AS n ${compensation} AND c.close_reason = 'resolved'
           AND c.state->'stages'->-1->'policy'->>'id' = 'code-2024'
           AND NOT ${declined} AND ${paid} < (r->>'amountPence')::int`,
      ),
    ).toBe(0);
  });

  it('is what the domain would make: every read model row is the fold of its events', async () => {
    const mismatches = await count(
      `SELECT count(*)::int AS n FROM complaint c
        WHERE c.version <> (SELECT count(*) FROM complaint_event e WHERE e.complaint_id = c.id)`,
    );
    expect(mismatches).toBe(0);
    const page = await services.complaints.list(
      READER,
      {},
      { field: 'receivedAt', direction: 'desc' },
      { first: 5 },
    );
    expect((await page.count()).count).toBe(report.complaints);
  });

  it('is not loaded again into a database that has complaints', async () => {
    expect(await loadDemoData(services, clock)).toBe(0);
  });
});
