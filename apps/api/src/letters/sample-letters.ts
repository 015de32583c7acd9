// Writes a sample letter of each kind, as issued, to docs/letters/ as PDF pages rendered to PNG
// (`pnpm --filter @redress/api letters:samples`; needs pdftoppm, from poppler-utils). The cases
// are taken through their steps by the services on a throwaway embedded database, so each
// letter is what Redress composes from a real history, not a mock-up.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComplaintStepCommand } from '../complaints/complaint.service.js';
import { systemPrincipal } from '../auth/principal.js';
import { fixedClock } from '../clock.js';
import { createDataSource } from '../database/data-source.js';
import { createPgPubSub } from '../database/pg-pubsub.js';
import { createServices, type Services } from '../services.js';
import type { IssueInput } from './letter.service.js';

const OUT = fileURLToPath(new URL('../../../../docs/letters/', import.meta.url));
const HANDLER = systemPrincipal('sample-handler', 'Alex Morgan');
const REVIEWER = systemPrincipal('sample-reviewer', 'Dana Reid');

const NOTICE = { toldOn: '2026-11-12', method: 'email', ombudsmanDetailsGiven: true } as const;

async function caseAt(
  services: Services,
  steps: readonly [ComplaintStepCommand, string, typeof HANDLER?][],
): Promise<string> {
  const { state } = await services.complaints.log(
    {
      receivedAt: '2026-11-06T09:30:00Z',
      channel: 'email',
      complainant: {
        name: 'Jordan Ellis',
        type: 'tenant',
        email: 'jordan.ellis@example.org',
        address: 'Flat 3, 14 Mill Lane\nLeeds\nLS6 2AB',
        preferredContact: 'email',
      },
      summary: 'Damp and mould in the back bedroom are still there after three repair visits.',
      desiredOutcome: 'Fix the damp for good and pay for the damaged wardrobe.',
      category: 'repairs',
      tenure: 'lcra',
    },
    { by: HANDLER, at: '2026-11-06T09:30:00Z' },
  );
  for (const [command, at, by] of steps) {
    await services.complaints.execute(state.id, command, { by: by ?? HANDLER, at });
  }
  return state.id;
}

const ACKNOWLEDGE: ComplaintStepCommand = {
  type: 'acknowledge',
  understanding:
    'The damp in the back bedroom has come back after three repair visits, and the wardrobe has been spoilt by mould.',
  outcomeSought: 'A lasting repair and payment for the wardrobe.',
} as ComplaintStepCommand;
const POINT = {
  type: 'add-point',
  point: 'The surveyor did not come on 12 November as booked.',
} as ComplaintStepCommand;
const RESPOND = {
  type: 'respond',
  outcome: 'upheld',
  findings:
    'The extractor fan was never fitted after the first visit, so the mould came back. We should have checked the work was finished.',
  remedies: [
    { kind: 'apology', description: 'We apologise for the missed visit and the repeated repairs.' },
    { kind: 'financial-compensation', description: 'The damaged wardrobe.', amountPence: 25_000 },
  ],
} as ComplaintStepCommand;
const DECISIONS = [
  {
    point: 'The surveyor did not come on 12 November as booked.',
    decision: 'Upheld: the visit was not rebooked and you were not told.',
  },
];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'redress-letters-'));
  const database = await createDataSource({ dataDir: join(dir, 'pglite') });
  const pubsub = createPgPubSub(database.dataSource, database.listener);
  const clock = fixedClock('2026-12-20T10:00:00Z');
  const services = createServices(database.dataSource, { clock, pubsub });
  try {
    await services.policies.ensurePresets();
    const { template } = await services.letters.template(HANDLER);
    await services.letters.updateTemplate(HANDLER, {
      ...template,
      wording: null,
      landlordName: 'Riverside Homes',
      signatureName: 'Priya Shah',
      signatureRole: 'Complaints manager',
    });
    const responded = await caseAt(services, [
      [ACKNOWLEDGE, '2026-11-09T10:00:00Z'],
      [POINT, '2026-11-13T10:00:00Z'],
      [RESPOND, '2026-11-20T10:00:00Z'],
    ]);
    const extended = await caseAt(services, [
      [ACKNOWLEDGE, '2026-11-09T10:00:00Z'],
      [
        {
          type: 'extend',
          workingDays: 5,
          reason: 'We are waiting for a damp survey, booked for 25 November.',
          notice: NOTICE,
        } as ComplaintStepCommand,
        '2026-11-12T10:00:00Z',
      ],
    ]);
    const stage2 = await caseAt(services, [
      [ACKNOWLEDGE, '2026-11-09T10:00:00Z'],
      [POINT, '2026-11-13T10:00:00Z'],
      [RESPOND, '2026-11-20T10:00:00Z'],
      [
        {
          type: 'request-escalation',
          reason: 'The fan is still not fitted.',
        } as ComplaintStepCommand,
        '2026-11-25T10:00:00Z',
      ],
      [
        {
          type: 'acknowledge',
          understanding: 'The fan promised at stage 1 has not been fitted.',
          outcomeSought: 'The fan fitted this month.',
        } as ComplaintStepCommand,
        '2026-11-26T10:00:00Z',
        REVIEWER,
      ],
      [
        {
          type: 'respond',
          outcome: 'upheld',
          findings: 'The order for the fan was lost between the repairs and planned works teams.',
          remedies: [
            {
              kind: 'financial-compensation',
              description: 'For the further delay.',
              amountPence: 10_000,
            },
          ],
        } as ComplaintStepCommand,
        '2026-12-10T10:00:00Z',
        REVIEWER,
      ],
    ]);
    const refused = await caseAt(services, [
      [
        {
          type: 'refuse',
          reason: 'legal-proceedings',
          explanation: 'The same matter is before the county court, claim number K00LS123.',
          notice: { ...NOTICE, toldOn: '2026-11-06' },
        } as ComplaintStepCommand,
        '2026-11-06T12:00:00Z',
      ],
    ]);
    const notEscalated = await caseAt(services, [
      [ACKNOWLEDGE, '2026-11-09T10:00:00Z'],
      [POINT, '2026-11-13T10:00:00Z'],
      [RESPOND, '2026-11-20T10:00:00Z'],
      [
        {
          type: 'refuse-escalation',
          reason: 'legal-proceedings',
          explanation:
            'You have since taken the matter to the county court (claim K00LS456); the court will decide it.',
          notice: { ...NOTICE, toldOn: '2026-11-27' },
        } as ComplaintStepCommand,
        '2026-11-27T10:00:00Z',
      ],
    ]);
    const samples: [string, Omit<IssueInput, 'delivery'>][] = [
      ['acknowledgement', { complaintId: responded, kind: 'acknowledgement', stage: 1 }],
      ['extension', { complaintId: extended, kind: 'extension', stage: 1 }],
      [
        'response-stage-1',
        { complaintId: responded, kind: 'response', stage: 1, decisions: DECISIONS },
      ],
      [
        'response-stage-2',
        {
          complaintId: stage2,
          kind: 'response',
          stage: 2,
          decisions: [
            {
              point: 'The surveyor did not come on 12 November as booked.',
              decision: 'Upheld at stage 1.',
            },
          ],
        },
      ],
      ['acceptance-refusal', { complaintId: refused, kind: 'acceptance-refusal', stage: 1 }],
      ['escalation-refusal', { complaintId: notEscalated, kind: 'escalation-refusal', stage: 1 }],
    ];
    mkdirSync(OUT, { recursive: true });
    for (const [name, input] of samples) {
      const letter = await services.letters.issue(HANDLER, { ...input, delivery: 'POST' });
      const pdf = join(dir, `${name}.pdf`);
      writeFileSync(pdf, (await services.letters.rendering(HANDLER, letter.id, 'pdf')) as Buffer);
      execFileSync('pdftoppm', ['-r', '70', '-png', pdf, join(OUT, name)]);
      process.stdout.write(`docs/letters/${name}-*.png\n`);
    }
  } finally {
    await services.letterSender.stop();
    await pubsub.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `letters:samples: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
