import { readFile } from 'node:fs/promises';
import { createPubSub } from '@graphql-yoga/subscription';
import { describe, expect, it } from 'vitest';
import { buildRedressSchema, printRedressSchema, SCHEMA_FILE } from './schema.js';

describe('the committed schema.graphql', () => {
  it('is what the code emits', async () => {
    const schema = await buildRedressSchema({ pubSub: createPubSub() });
    const emitted = printRedressSchema(schema);
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
    // Compared as text, so the failure shows the lines that differ.
    expect(
      committed,
      'apps/api/schema.graphql is not what the code emits. If the change is meant, regenerate it with `pnpm --filter @redress/api schema` and commit it; partners read that file.',
    ).toBe(emitted);
  });

  it('keeps the names partners rely on', async () => {
    const schema = await buildRedressSchema({ pubSub: createPubSub() });
    const query = schema.getQueryType()?.getFields() ?? {};
    const mutation = schema.getMutationType()?.getFields() ?? {};
    const subscription = schema.getSubscriptionType()?.getFields() ?? {};
    for (const name of [
      'complaint',
      'complaintByReference',
      'complaints',
      'policies',
      'policy',
      'policyDepartures',
      'addWorkingDays',
      'isWorkingDay',
      'feedback',
      'feedbackItems',
    ]) {
      expect(query, `Query.${name}`).toHaveProperty(name);
    }
    for (const name of [
      'logComplaint',
      'assignComplaint',
      'acknowledgeComplaint',
      'extendResponseDeadline',
      'respondToComplaint',
      'requestEscalation',
      'agreeAction',
      'completeAction',
      'closeComplaint',
      'withdrawComplaint',
      'refuseComplaint',
      'referToOmbudsman',
      'createPolicy',
      'recordFeedback',
      'convertServiceRequest',
    ]) {
      expect(mutation, `Mutation.${name}`).toHaveProperty(name);
    }
    expect(Object.keys(subscription).sort()).toEqual(['complaintEvents', 'deadlineAlerts']);
    const outcome = schema.getType('Outcome');
    expect(outcome?.toString()).toBe('Outcome');
    expect(schema.getType('Division')).toBeDefined();
  });
});
