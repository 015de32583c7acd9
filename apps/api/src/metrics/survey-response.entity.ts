import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * One response to the perception survey, as TP09 reads it. `respondent` is the survey's own id
 * for whoever answered (e.g. `R-00123`), never a name: with the day answered it identifies the
 * response, so importing the same file twice stores it once.
 */
@Entity({ name: 'survey_response' })
@Unique('uq_survey_response_respondent_answered_on', ['respondent', 'answeredOn'])
@Index('ix_survey_response_year_answered_on', ['reportingYear', 'answeredOn', 'id'])
export class SurveyResponseEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_survey_response' })
  id: string;

  @Column({ type: 'text' })
  respondent: string;

  @Column({ type: 'text' })
  tenure: string;

  @Column({ name: 'answered_on', type: 'date' })
  answeredOn: string;

  /** The domain's reportingYearOf(answeredOn), stored so the figures filter on a column. */
  @Column({ name: 'reporting_year', type: 'integer' })
  reportingYear: number;

  @Column({ name: 'complained_in_last_12_months', type: 'boolean' })
  complainedInLast12Months: boolean;

  /** The domain's SatisfactionAnswer; null when the question was not answered. */
  @Column({ name: 'complaint_handling', type: 'text', nullable: true })
  complaintHandling: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;
}
