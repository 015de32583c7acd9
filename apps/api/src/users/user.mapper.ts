import type { Principal } from '../auth/principal.js';
import { can } from '../auth/principal.js';
import type { TeamRecord, UserRecord } from './user.repository.js';
import { TeamType, UserType } from './user.type.js';

/** A user as the asker may see them: the email only to admins and to the user themself. */
export function toUserType(user: UserRecord, asker: Principal): UserType {
  const type = new UserType();
  type.id = user.id;
  type.name = user.name;
  type.email =
    can(asker, 'users:manage') || (asker.kind === 'user' && asker.id === user.id)
      ? user.email
      : null;
  type.role = user.role;
  type.active = user.active;
  type.teamIds = user.teamIds;
  type.hasPassword = user.hasPassword;
  type.createdAt = user.createdAt.toISOString();
  return type;
}

export function toTeamType(team: TeamRecord): TeamType {
  const type = new TeamType();
  type.id = team.id;
  type.name = team.name;
  return type;
}
