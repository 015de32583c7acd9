// Decorator metadata must be in place before any decorated class below is evaluated.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPubSub } from '@graphql-yoga/subscription';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { ApiKeyResolver } from './api-keys/api-key.resolver.js';
import { ComplaintAttachmentsResolver } from './attachments/complaint-attachments.resolver.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { authChecker } from './auth/auth-checker.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { OidcResolver } from './auth/oidc.resolver.js';
import { CalendarResolver } from './calendar/calendar.resolver.js';
import { ComplaintEventResolver } from './complaints/complaint-event.resolver.js';
import { ComplaintPeopleResolver } from './complaints/complaint-people.resolver.js';
import { StagePeopleResolver } from './complaints/stage-people.resolver.js';
import { ComplaintLifecycleResolver } from './complaints/complaint-lifecycle.resolver.js';
import { ComplaintEndingResolver } from './complaints/complaint-ending.resolver.js';
import { ComplaintLearningResolver } from './complaints/complaint-learning.resolver.js';
import { ComplaintCaseworkResolver } from './complaints/complaint-casework.resolver.js';
import { ComplaintStepsResolver } from './complaints/complaint-steps.resolver.js';
import { OmbudsmanResolver } from './complaints/ombudsman.resolver.js';
import { RemediesResolver } from './complaints/remedies.resolver.js';
import { ComplaintResolver } from './complaints/complaint.resolver.js';
import { DeadlineAlertResolver } from './deadlines/deadline-alert.resolver.js';
import { FeedbackResolver } from './feedback/feedback.resolver.js';
import { CaseNoteResolver } from './notes/case-note.resolver.js';
import { ComplaintNotesResolver } from './notes/complaint-notes.resolver.js';
import { PolicyResolver } from './policies/policy.resolver.js';
import { UserResolver } from './users/user.resolver.js';
import { AnnualReportResolver } from './reports/annual-report.resolver.js';
import { HomesResolver } from './metrics/homes.resolver.js';
import { SurveyResolver } from './metrics/survey.resolver.js';
import { ImprovementResolver } from './metrics/improvement.resolver.js';
import { ReviewPanelResolver } from './review-panel/review-panel.resolver.js';
import { AnonymisationResolver } from './erasure/anonymisation.resolver.js';
import { Stage2ReviewResolver } from './complaints/stage2-review.resolver.js';
import { MeasuresResolver } from './metrics/measures.resolver.js';
import { LetterResolver } from './letters/letter.resolver.js';
import { RecordsResolver } from './records/records.resolver.js';

/** The committed schema, beside package.json: `pnpm --filter @redress/api schema` rewrites it. */
export const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** Every resolver of the API, listed rather than globbed so the schema is what this file says. */
export const RESOLVERS = [
  ComplaintResolver,
  ComplaintPeopleResolver,
  StagePeopleResolver,
  ComplaintLifecycleResolver,
  ComplaintEndingResolver,
  ComplaintLearningResolver,
  ComplaintCaseworkResolver,
  ComplaintStepsResolver,
  RemediesResolver,
  OmbudsmanResolver,
  LetterResolver,
  RecordsResolver,
  ComplaintEventResolver,
  ComplaintAttachmentsResolver,
  ComplaintNotesResolver,
  CaseNoteResolver,
  DeadlineAlertResolver,
  PolicyResolver,
  CalendarResolver,
  FeedbackResolver,
  AuthResolver,
  OidcResolver,
  UserResolver,
  ApiKeyResolver,
  AuditResolver,
  AnnualReportResolver,
  HomesResolver,
  SurveyResolver,
  ImprovementResolver,
  ReviewPanelResolver,
  AnonymisationResolver,
  Stage2ReviewResolver,
  MeasuresResolver,
] as const;

const HEADER = `# The Redress GraphQL schema, emitted from the code: do not edit by hand.
# Regenerate with: pnpm --filter @redress/api schema
`;

export interface BuildRedressSchemaOptions {
  readonly pubSub: PubSub;
  /** Write the printed schema to this file (or to SCHEMA_FILE when `true`). */
  readonly emitSchemaFile?: string | boolean;
}

export async function buildRedressSchema(
  options: BuildRedressSchemaOptions,
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...RESOLVERS],
    pubSub: options.pubSub,
    authChecker,
    validate: true,
  });
  if (options.emitSchemaFile) {
    const path = options.emitSchemaFile === true ? SCHEMA_FILE : options.emitSchemaFile;
    await writeFile(path, printRedressSchema(schema), 'utf8');
  }
  return schema;
}

/** The schema as committed: sorted, so the file changes only when the schema does. */
export function printRedressSchema(schema: GraphQLSchema): string {
  return `${HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

// `node dist/schema.js` (the package's `schema` script) rewrites the committed schema.graphql.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  await buildRedressSchema({ pubSub: createPubSub(), emitSchemaFile: true });
  process.stdout.write(`Wrote ${SCHEMA_FILE}\n`);
}
