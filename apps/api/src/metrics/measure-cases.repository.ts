import type { LocalDate, Outcome, Tenure } from '@redress/domain';
import type { Connection } from '../database/transactions.js';
import type { BoundedCount } from '../shared/connection.js';
import type { PageCursor } from '../shared/cursor.js';
import {
  countUpTo,
  readPage,
  sqlParams,
  type ListSql,
  type PageWindow,
} from '../shared/keyset-page.js';
import { fromOf, measureAt, numeratorOf, type MeasureDefinition } from './measure-conditions.js';
import type { MeasurePart } from './measure-names.type.js';
import { filterConditions, type MeasuresFilter } from './measures-filter.js';

/** A case behind a figure: what it was counted by, and nothing about the resident. */
export interface MeasureCaseRow {
  readonly id: string;
  readonly reference: string;
  readonly stage: 1 | 2;
  readonly tenure: Tenure;
  readonly category: string;
  readonly receivedOn: LocalDate | null;
  readonly respondedOn: LocalDate | null;
  readonly onTime: boolean | null;
  readonly outcome: Outcome | null;
  readonly teamId: string | null;
  /** For the actions figure: the action the row is, when it fell due. */
  readonly actionId: string | null;
  readonly dueOn: LocalDate | null;
}

interface Row {
  id: string;
  reference: string;
  stage: number;
  tenure: Tenure;
  category: string;
  received_on: LocalDate | null;
  responded_on: LocalDate | null;
  on_time: boolean | null;
  outcome: Outcome | null;
  team_id: string | null;
  action_id: string | null;
  due_on: LocalDate | null;
}

/** Which cases of a figure: its rows (a part of it) in the year, by reference. */
export interface MeasureCasesQuery {
  readonly definition: MeasureDefinition;
  readonly part: MeasurePart;
  readonly year: number;
  readonly filter: MeasuresFilter;
}

/** An action's id is its own text; a case's a uuid. */
export const ACTION_ID_PATTERN = /^.{1,200}$/s;

function listSqlOf(query: MeasureCasesQuery, today: LocalDate): ListSql {
  const { definition, part, year, filter } = query;
  const { params, param } = sqlParams();
  const at = measureAt(param, year, today);
  const condition = part === 'numerator' ? numeratorOf(definition, at) : definition.population(at);
  const actions = definition.source === 'action';
  const { show } = definition;
  return {
    from: fromOf(definition.source),
    columns: `c.id, c.reference, (${show.stage})::int AS stage, c.tenure, c.category,
      (${show.receivedOn})::text AS received_on, (${show.respondedOn})::text AS responded_on,
      ${show.onTime} AS on_time, ${show.outcome} AS outcome, c.team_id::text AS team_id,
      ${actions ? 'a.action_id' : 'NULL::text'} AS action_id,
      ${actions ? 'a.due_on::text' : 'NULL::text'} AS due_on`,
    where: [condition, ...filterConditions(filter, param)],
    params,
    // References are unique: the id only breaks ties between a case's actions.
    sort: actions
      ? { expression: 'c.reference', type: 'text', id: 'a.action_id', idType: 'text' }
      : { expression: 'c.reference', type: 'text', id: 'c.id', idType: 'uuid' },
    direction: 'asc',
  };
}

export class MeasureCasesRepository {
  /** `today`: the London date the cases are asked on, as for the figures. */
  constructor(
    private readonly reads: Connection,
    private readonly today: () => LocalDate,
  ) {}

  /** A page of a figure's cases in reference order, each with its position. */
  async findPage(
    query: MeasureCasesQuery,
    window: PageWindow,
  ): Promise<Array<{ row: MeasureCaseRow; cursor: PageCursor }>> {
    const read = await readPage<Row>(this.reads, listSqlOf(query, this.today()), window);
    return read.map(({ row, cursor }) => ({ row: toCase(row), cursor }));
  }

  async countUpTo(query: MeasureCasesQuery, bound: number): Promise<BoundedCount> {
    return countUpTo(this.reads, listSqlOf(query, this.today()), bound);
  }
}

function toCase(row: Row): MeasureCaseRow {
  return {
    id: row.id,
    reference: row.reference,
    stage: row.stage === 2 ? 2 : 1,
    tenure: row.tenure,
    category: row.category,
    receivedOn: row.received_on,
    respondedOn: row.responded_on,
    onTime: row.on_time,
    outcome: row.outcome,
    teamId: row.team_id,
    actionId: row.action_id,
    dueOn: row.due_on,
  };
}
