import { randomBytes, randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@redress/domain';
import type { SecurityLog } from '../audit/security-log.service.js';
import { normaliseEmail } from '../auth/auth.service.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { CredentialTarget } from '../auth/session-cache.js';
import type { SessionRepository } from '../auth/session.repository.js';
import type { Clock } from '../clock.js';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../errors/app-errors.js';
import { can } from '../auth/principal.js';
import { COUNT_BOUND } from '../shared/connection.js';
import { pageOf, type Page, type PageRequest } from '../shared/page.js';
import type { TeamOrderField, UserOrderField } from './user-list.input.js';
import {
  teamListSql,
  userListSql,
  type ListOrder,
  type TeamListFilter,
  type UserListFilter,
} from './user-list.sql.js';
import type { TeamRecord, UserRecord, UserRepository } from './user.repository.js';

export interface CreateUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role | null;
  /** None: the user signs in through the identity provider, or an admin sets one later. */
  readonly password?: string | undefined;
  readonly teamIds?: readonly string[] | undefined;
}

export interface UpdateUser {
  readonly name?: string | undefined;
  readonly role?: Role | null | undefined;
  readonly teamIds?: readonly string[] | undefined;
}

const EMAIL = /^[^\s@\p{Cc}]{1,64}@[^\s@\p{Cc}]{1,190}\.[^\s@\p{Cc}]{2,63}$/u;
const NAME = /^[^\p{Cc}]{1,200}$/u;

/** Staff users and teams: what admins manage, and what each user changes of their own. */
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly log: SecurityLog,
    private readonly clock: Clock,
    /** Drops what is kept of a user's credentials here and on every instance (AuthService). */
    private readonly credentials?: { forget(target: CredentialTarget): Promise<void> },
  ) {}

  async me(principal: Principal): Promise<UserRecord> {
    requirePermission(principal, 'self');
    if (principal.kind !== 'user') {
      throw new ForbiddenError('Only a signed-in person has a profile; an API key has none.');
    }
    return this.require(principal.id);
  }

  async get(principal: Principal, id: string): Promise<UserRecord | null> {
    requirePermission(principal, 'users:read');
    return this.users.findById(id);
  }

  async getMany(ids: readonly string[]): Promise<UserRecord[]> {
    return this.users.findByIds(ids);
  }

  async list(
    principal: Principal,
    filter: { readonly active?: boolean; readonly role?: Role } = {},
  ): Promise<UserRecord[]> {
    requirePermission(principal, 'users:read');
    return this.users.list(filter);
  }

  /**
   * A page of users. Only those shown email addresses (admins) may search or order by them,
   * or the list would tell others whose address it is.
   */
  async page(
    principal: Principal,
    filter: Omit<UserListFilter, 'textInEmail'>,
    order: ListOrder<UserOrderField>,
    request: PageRequest,
  ): Promise<Page<UserRecord>> {
    requirePermission(principal, 'users:read');
    const seesEmail = can(principal, 'users:manage');
    if (order.field === 'email' && !seesEmail) {
      throw new ForbiddenError('Ordering by email address needs users:manage.', 'users:manage');
    }
    const list = userListSql({ ...filter, textInEmail: seesEmail }, order);
    return pageOf(request, {
      cursorList: ['users', order.field, order.direction],
      read: (window) => this.users.findPage(list, window),
      count: () => this.users.countUpTo(list, COUNT_BOUND),
    });
  }

  async teamsPage(
    principal: Principal,
    filter: TeamListFilter,
    order: ListOrder<TeamOrderField>,
    request: PageRequest,
  ): Promise<Page<TeamRecord>> {
    requirePermission(principal, 'users:read');
    const list = teamListSql(filter, order);
    return pageOf(request, {
      cursorList: ['teams', order.field, order.direction],
      read: (window) => this.users.findTeamPage(list, window),
      count: () => this.users.countUpTo(list, COUNT_BOUND),
    });
  }

  async create(principal: Principal, input: CreateUser): Promise<UserRecord> {
    requirePermission(principal, 'users:manage');
    return this.createUnchecked(principal, input);
  }

  /**
   * For start-up and the identity provider's first sign-in, where no admin is asking. `by` is
   * who the security log names (Redress itself at start-up).
   */
  async createUnchecked(
    by: Principal,
    input: CreateUser,
    extra: { readonly active?: boolean; readonly oidcSubject?: string } = {},
  ): Promise<UserRecord> {
    const email = checkedEmail(input.email);
    const name = checkedName(input.name);
    if (input.role !== null && !ROLES.includes(input.role)) {
      throw new BadUserInputError(`role must be one of ${ROLES.join(', ')}.`, 'role');
    }
    let passwordHash: string | null = null;
    if (input.password !== undefined) {
      const problem = passwordProblem(input.password, { email, name });
      if (problem) throw new BadUserInputError(problem, 'password');
      passwordHash = await hashPassword(input.password);
    }
    const teamIds = await this.checkedTeams(input.teamIds ?? []);
    if (await this.users.findByEmail(email)) {
      throw new ConflictError(`A user with the email address ${email} already exists.`);
    }
    const id = randomUUID();
    const stored = await this.users.insert(
      {
        id,
        email,
        name,
        role: input.role,
        active: extra.active ?? true,
        passwordHash,
        oidcSubject: extra.oidcSubject ?? null,
      },
      teamIds,
    );
    if (!stored) throw new ConflictError(`A user with the email address ${email} already exists.`);
    await this.log.record('user-created', by, { kind: 'user', id }, { email, role: input.role });
    return this.require(id);
  }

  async update(principal: Principal, id: string, changes: UpdateUser): Promise<UserRecord> {
    requirePermission(principal, 'users:manage');
    const before = await this.require(id);
    const now = this.clock.now();
    const name = changes.name === undefined ? undefined : checkedName(changes.name);
    if (changes.role !== undefined && changes.role !== null && !ROLES.includes(changes.role)) {
      throw new BadUserInputError(`role must be one of ${ROLES.join(', ')}.`, 'role');
    }
    if (changes.role !== undefined && changes.role !== before.role) {
      await this.keepAnAdmin(before, changes.role);
    }
    await this.users.update(
      id,
      {
        ...(name !== undefined ? { name } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
      },
      now,
    );
    if (changes.teamIds !== undefined) {
      await this.users.setTeams(id, await this.checkedTeams(changes.teamIds));
    }
    // Their role, teams and name are in every principal of theirs: none is answered from before.
    await this.forgetUser(id);
    if (changes.teamIds !== undefined) {
      await this.log.record(
        'teams-changed',
        principal,
        { kind: 'user', id },
        {
          from: before.teamIds,
          to: changes.teamIds,
        },
      );
    }
    if (changes.role !== undefined && changes.role !== before.role) {
      await this.log.record(
        'role-changed',
        principal,
        { kind: 'user', id },
        {
          from: before.role,
          to: changes.role,
        },
      );
    }
    if (name !== undefined && name !== before.name) {
      await this.log.record('user-changed', principal, { kind: 'user', id }, { name });
    }
    return this.require(id);
  }

  /** Deactivated, a user's sessions stop at their next request: they are checked on each. */
  async setActive(principal: Principal, id: string, active: boolean): Promise<UserRecord> {
    requirePermission(principal, 'users:manage');
    const before = await this.require(id);
    if (!active && principal.kind === 'user' && principal.id === id) {
      throw new BadUserInputError('You cannot deactivate yourself: ask another admin.', 'id');
    }
    if (!active) await this.keepAnAdmin(before, null);
    const now = this.clock.now();
    await this.users.update(id, { active }, now);
    if (!active) await this.sessions.revokeAllOf(id, 'deactivated', now);
    await this.forgetUser(id);
    await this.log.record(active ? 'user-reactivated' : 'user-deactivated', principal, {
      kind: 'user',
      id,
    });
    return this.require(id);
  }

  /** An admin sets a user's password; every session of theirs ends. */
  async resetPassword(principal: Principal, id: string, password: string): Promise<UserRecord> {
    requirePermission(principal, 'users:manage');
    const user = await this.require(id);
    const problem = passwordProblem(password, user);
    if (problem) throw new BadUserInputError(problem, 'password');
    const now = this.clock.now();
    await this.users.update(id, { passwordHash: await hashPassword(password) }, now);
    await this.sessions.revokeAllOf(id, 'password-reset', now);
    await this.forgetUser(id);
    await this.log.record('password-reset', principal, { kind: 'user', id });
    return user;
  }

  /** A user changes their own password; their other sessions end, this one goes on. */
  async changeOwnPassword(principal: Principal, current: string, next: string): Promise<void> {
    const user = await this.me(principal);
    const stored = await this.users.findPasswordHash(user.id);
    if (stored === null || !(await verifyPassword(stored, current))) {
      throw new BadUserInputError('Your current password is not right.', 'currentPassword');
    }
    const problem = passwordProblem(next, user);
    if (problem) throw new BadUserInputError(problem, 'newPassword');
    const now = this.clock.now();
    await this.users.update(user.id, { passwordHash: await hashPassword(next) }, now);
    const sessions = await this.sessions.revokeAllOf(user.id, 'password-changed', now);
    await this.forgetUser(user.id);
    await this.log.record(
      'password-changed',
      principal,
      { kind: 'user', id: user.id },
      {
        sessionsEnded: sessions,
      },
    );
  }

  async listTeams(principal: Principal): Promise<TeamRecord[]> {
    requirePermission(principal, 'users:read');
    return this.users.listTeams();
  }

  async teamsByIds(ids: readonly string[]): Promise<TeamRecord[]> {
    return this.users.findTeams(ids);
  }

  async createTeam(principal: Principal, name: string): Promise<TeamRecord> {
    requirePermission(principal, 'users:manage');
    return this.createTeamUnchecked(principal, name);
  }

  async createTeamUnchecked(by: Principal, name: string): Promise<TeamRecord> {
    const checked = checkedName(name);
    if (await this.users.findTeamByName(checked)) {
      throw new ConflictError(`A team called "${checked}" already exists.`);
    }
    const team = { id: randomUUID(), name: checked };
    await this.users.insertTeam(team);
    await this.log.record('team-created', by, { kind: 'team', id: team.id }, { name: checked });
    return team;
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    return this.users.findByEmail(normaliseEmail(email));
  }

  async findByName(name: string): Promise<UserRecord | null> {
    return this.users.findByName(name);
  }

  async count(): Promise<number> {
    return this.users.count();
  }

  private async forgetUser(id: string): Promise<void> {
    await this.credentials?.forget({ kind: 'user', id });
  }

  private async require(id: string): Promise<UserRecord> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('user', id);
    return user;
  }

  private async checkedTeams(ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = await this.users.findTeams(unique);
    const missing = unique.filter((id) => !found.some((team) => team.id === id));
    if (missing.length > 0) throw new NotFoundError('team', missing.join(', '));
    return unique;
  }

  /** Redress always keeps one active admin: the last cannot be demoted or deactivated. */
  private async keepAnAdmin(user: UserRecord, nextRole: Role | null): Promise<void> {
    if (user.role !== 'ADMIN' || !user.active || nextRole === 'ADMIN') return;
    const admins = await this.users.list({ active: true, role: 'ADMIN' });
    if (admins.length <= 1) {
      throw new BadUserInputError(
        'This is the only active admin: make someone else an admin first.',
        'role',
      );
    }
  }
}

function checkedEmail(raw: string): string {
  const email = normaliseEmail(raw);
  if (!EMAIL.test(email)) {
    throw new BadUserInputError('Give an email address like jane.smith@landlord.org.uk.', 'email');
  }
  return email;
}

function checkedName(raw: string): string {
  const name = raw.trim();
  if (!NAME.test(name)) {
    throw new BadUserInputError('Give a name of 1 to 200 printable characters.', 'name');
  }
  return name;
}

/** A password for a user made at start-up: 24 characters from 18 random bytes. */
export function generatedPassword(): string {
  return randomBytes(18).toString('base64url');
}
