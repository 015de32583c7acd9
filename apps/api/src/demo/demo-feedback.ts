// Service requests, compliments and suggestions beside the complaints, and one service request
// the resident was unhappy with, turned into a complaint (Code 1.5).
import { localDateOf } from '@redress/domain';
import { systemPrincipal } from '../auth/principal.js';
import type { Services } from '../services.js';
import { DAY_MS, atHour, pick, uuidFrom, type Random } from './demo-random.js';

export async function loadFeedback(
  services: Services,
  random: Random,
  now: Date,
): Promise<{ recorded: number; complaints: number }> {
  const system = systemPrincipal('demo-data', 'Demo data');
  const day = (ago: number, hour = 10) =>
    atHour(localDateOf(new Date(now.getTime() - ago * DAY_MS)), hour, 0);
  const items = [
    {
      kind: 'service-request',
      from: 'Grace Mensah',
      summary: 'Bathroom light fitting hanging off the ceiling.',
      category: 'repairs',
      ago: 40,
    },
    {
      kind: 'service-request',
      from: 'Tariq Khan',
      summary: 'Request for a new fob for the communal door.',
      category: 'estate-services',
      ago: 12,
    },
    {
      kind: 'service-request',
      from: 'Joan Davies',
      summary: 'Guttering blocked over the back door.',
      category: 'repairs',
      ago: 5,
    },
    {
      kind: 'service-request',
      from: 'Rhys Hughes',
      summary: 'Heating timer not working.',
      category: 'repairs',
      ago: 60,
    },
    {
      kind: 'compliment',
      from: 'Megan Byrne',
      summary: 'Thank you to the gas engineer who came out on Christmas Eve.',
      category: 'repairs',
      ago: 90,
    },
    {
      kind: 'compliment',
      from: null,
      summary: 'The new estate caretaker is brilliant.',
      category: 'estate-services',
      ago: 30,
    },
    {
      kind: 'compliment',
      from: 'Priya Singh',
      summary: 'Very helpful call with the income team.',
      category: 'rent-and-service-charges',
      ago: 8,
    },
    {
      kind: 'suggestion',
      from: 'Bogdan Nowak',
      summary: 'Could repair appointments be booked by text message?',
      category: 'repairs',
      ago: 50,
    },
    {
      kind: 'suggestion',
      from: null,
      summary: 'Put a bench in the courtyard for older residents.',
      category: 'estate-services',
      ago: 20,
    },
  ] as const;
  const recorded = [];
  for (const [i, item] of items.entries()) {
    recorded.push(
      await services.feedback.record(
        {
          id: uuidFrom(`demo-feedback:${i}`),
          kind: item.kind,
          receivedAt: day(item.ago, 9 + (i % 6)).toISOString(),
          channel: pick(random, ['phone', 'email', 'online'] as const),
          from: item.from,
          summary: item.summary,
          category: item.category,
        },
        { by: system },
      ),
    );
  }
  // The resident came back unhappy with how the heating request went, three visits on: it became
  // a complaint (Code 1.5) three days ago, still within its acknowledgement time.
  const request = recorded[3];
  if (request) {
    await services.feedback.convertToComplaint(
      request.id,
      {
        receivedAt: day(3, 11).toISOString(),
        channel: 'phone',
        complainant: { name: 'Rhys Hughes', type: 'tenant', preferredContact: 'phone' },
        representative: null,
        summary: 'The heating timer is still not fixed after three visits.',
        desiredOutcome: 'Working heating before the cold weather',
        category: 'repairs',
        tenure: 'lcra',
        serviceRequestId: null,
      },
      { by: system, at: day(3, 12).toISOString() },
    );
  }
  return { recorded: recorded.length, complaints: request ? 1 : 0 };
}
