import type { Instant, LocalDate, Tenure } from '@redress/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { TenureEnum } from '../complaints/complaint-enums.type.js';
import { ImprovementType } from '../metrics/improvement.type.js';
import { MeasuresReportType } from '../metrics/measures-report.type.js';
import type { MeasuresReport, TsmReport } from '../metrics/measures.types.js';
import { TsmReportType } from '../metrics/tsm-report.type.js';
import { CodeDepartureType } from '../policies/policy.type.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';

@ObjectType('PolicyAssessment', {
  description:
    "A policy the year's complaints ran under, held against the Complaint Handling Code clause by clause.",
  simpleResolvers: true,
})
export class PolicyAssessmentType {
  @Field({ description: 'The policy id, e.g. code-2024.' })
  policyId: string;

  @Field(() => Int)
  version: number;

  @Field()
  name: string;

  @Field(() => Int, {
    description:
      'Stage 1 complaints received in the year (as CH01 counts them) that run under this version; 0 for the default policy of a year without complaints.',
  })
  cases: number;

  @Field(() => [CodeDepartureType], { description: 'Empty: no departures from the Code.' })
  departures: CodeDepartureType[];
}

@ObjectType('LessonLearnt', {
  description: 'A lesson learnt from a complaint, with what the complaint was about: never whose.',
  simpleResolvers: true,
})
export class LessonLearntType {
  @Field()
  lesson: string;

  @Field(() => DateTimeScalar)
  recordedAt: Instant;

  @Field()
  category: string;

  @Field(() => TenureEnum)
  tenure: Tenure;
}

@ObjectType('AnnualReport', {
  description:
    'The annual complaints performance and service improvement report (the Code, section 8) for a reporting year: the same sections as GET /reports/annual/<year>.pdf and .html. No personal data.',
})
export class AnnualReportType {
  @Field(() => Int, { description: 'The reporting year, named by the year it starts in.' })
  year: number;

  @Field(() => LocalDateScalar, { description: '1 April.' })
  from: LocalDate;

  @Field(() => LocalDateScalar, { description: '31 March.' })
  to: LocalDate;

  @Field(() => LocalDateScalar, { description: 'The day the report was made, in London.' })
  preparedOn: LocalDate;

  @Field({ description: 'The title the PDF and the page carry.' })
  title: string;

  @Field(() => TsmReportType, { description: 'The Tenant Satisfaction Measures, all tenures.' })
  tsm: TsmReport;

  @Field(() => [TsmReportType], {
    description: 'The same for LCRA and for LCHO, which the Regulator asks for apart.',
  })
  tsmByTenure: TsmReport[];

  @Field(() => MeasuresReportType, { description: "The year's other measures, all tenures." })
  measures: MeasuresReport;

  @Field(() => Float, {
    nullable: true,
    description:
      "The percentage of agreed actions to complete on time, from the policy most of the year's complaints ran under; null: none set.",
  })
  actionsOnTimeTarget: number | null;

  @Field(() => [PolicyAssessmentType], { description: 'Most complaints first.' })
  selfAssessment: PolicyAssessmentType[];

  @Field(() => [LessonLearntType], { description: 'Lessons recorded in the year, oldest first.' })
  lessons: LessonLearntType[];

  @Field({ description: 'More lessons were recorded than the report lists (1,000).' })
  lessonsNotListed: boolean;

  @Field(() => [ImprovementType], { description: '"You said, we did" entries of the year.' })
  improvements: ImprovementType[];

  @Field({ description: 'Where the PDF is served (GET, with the same bearer token).' })
  pdfPath: string;

  @Field({ description: 'Where the printable page is served (GET, with the same bearer token).' })
  htmlPath: string;
}
