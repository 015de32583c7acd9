import type { Principal } from '../auth/principal.js';
import { BadUserInputError, NotFoundError } from '../errors/app-errors.js';
import type { Services } from '../services.js';
import type { ComplaintRecord } from './complaint.service.js';

export interface AssignRequest {
  /** The handler as a user: what assigning takes now. */
  readonly assigneeId?: string | undefined;
  /** A team to hold the case (its members see it in their queue). */
  readonly teamId?: string | undefined;
  /** The handler's name, as typed before handlers were users (deprecated). */
  readonly handler?: string | undefined;
  readonly at?: string | undefined;
  readonly expectedVersion?: number | undefined;
}

/**
 * Assigns the current stage: to a user (by id), to a team, or to both. A name alone, as partners
 * sent before users existed, is matched to the active user of that name when there is one and
 * otherwise kept as typed. Assigning oneself needs `complaints:assign:self`; anyone or a team,
 * `complaints:assign` (the service checks).
 */
export async function assignComplaint(
  services: Services,
  by: Principal,
  id: string,
  request: AssignRequest,
): Promise<ComplaintRecord> {
  const { assigneeId, teamId, handler } = request;
  if (assigneeId === undefined && teamId === undefined && handler === undefined) {
    throw new BadUserInputError(
      'Name who will handle the stage: assigneeId or teamId.',
      'assigneeId',
    );
  }
  const user =
    assigneeId !== undefined
      ? await services.users.getMany([assigneeId]).then(([found]) => found)
      : handler !== undefined
        ? await services.users.findByName(handler.trim())
        : undefined;
  if (assigneeId !== undefined && (!user || !user.active)) {
    throw new NotFoundError('user', assigneeId);
  }
  const team = teamId === undefined ? undefined : (await services.users.teamsByIds([teamId]))[0];
  if (teamId !== undefined && !team) throw new NotFoundError('team', teamId);
  const assignee = user?.active ? user : undefined;
  const name = assignee?.name ?? handler?.trim();
  return services.complaints.execute(
    id,
    {
      type: 'assign',
      handler: name ?? team?.name ?? '',
      ...(assignee ? { handlerId: assignee.id } : {}),
      ...(teamId !== undefined ? { teamId } : {}),
    },
    {
      by,
      ...(request.at !== undefined ? { at: request.at } : {}),
      ...(request.expectedVersion !== undefined
        ? { expectedVersion: request.expectedVersion }
        : {}),
    },
  );
}
