import type { Role } from '@redress/domain';
import { In, type DataSource } from 'typeorm';
import { isUniqueViolation } from '../database/unique-violation.js';
import type { BoundedCount } from '../shared/connection.js';
import type { PageCursor } from '../shared/cursor.js';
import { countUpTo, readPage, type ListSql, type PageWindow } from '../shared/keyset-page.js';
import { isUuid } from '../shared/uuid.js';
import { TeamEntity } from './team.entity.js';
import { UserEntity, UserTeamEntity } from './user.entity.js';

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role | null;
  readonly active: boolean;
  readonly teamIds: readonly string[];
  readonly hasPassword: boolean;
  readonly oidcSubject: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface TeamRecord {
  readonly id: string;
  readonly name: string;
}

export interface NewUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role | null;
  readonly active: boolean;
  readonly passwordHash: string | null;
  readonly oidcSubject?: string | null;
}

export interface UserChanges {
  readonly name?: string;
  readonly role?: Role | null;
  readonly active?: boolean;
  readonly passwordHash?: string | null;
  readonly oidcSubject?: string | null;
}

/** Staff users, their teams, and the teams themselves. */
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<UserRecord | null> {
    const [user] = await this.findByIds([id]);
    return user ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<UserRecord[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows = await this.dataSource.getRepository(UserEntity).findBy({ id: In(valid) });
    return this.withTeams(rows);
  }

  /** With the password hash, for signing in. */
  async findForSignIn(
    email: string,
  ): Promise<(UserRecord & { passwordHash: string | null }) | null> {
    const row = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    if (!row) return null;
    const [user] = await this.withTeams([row]);
    return user ? { ...user, passwordHash: row.passwordHash } : null;
  }

  async findPasswordHash(id: string): Promise<string | null> {
    if (!isUuid(id)) return null;
    const row = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    return row?.passwordHash ?? null;
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const row = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    return row ? ((await this.withTeams([row]))[0] ?? null) : null;
  }

  async findByName(name: string): Promise<UserRecord | null> {
    const row = await this.dataSource
      .getRepository(UserEntity)
      .findOne({ where: { name }, order: { createdAt: 'ASC' } });
    return row ? ((await this.withTeams([row]))[0] ?? null) : null;
  }

  async list(filter: { readonly active?: boolean; readonly role?: Role }): Promise<UserRecord[]> {
    const rows = await this.dataSource.getRepository(UserEntity).find({
      where: {
        ...(filter.active !== undefined ? { active: filter.active } : {}),
        ...(filter.role !== undefined ? { role: filter.role } : {}),
      },
      order: { name: 'ASC', id: 'ASC' },
    });
    return this.withTeams(rows);
  }

  /** A page of a users' list (users/user-list.sql.ts), with each user's teams. */
  async findPage(
    list: ListSql,
    window: PageWindow,
  ): Promise<Array<{ row: UserRecord; cursor: PageCursor }>> {
    const read = await readPage<UserEntity>(this.dataSource, list, window);
    const users = await this.withTeams(read.map(({ row }) => row));
    return users.flatMap((row, index) => {
      const cursor = read[index]?.cursor;
      return cursor ? [{ row, cursor }] : [];
    });
  }

  /** A page of a teams' list. */
  async findTeamPage(
    list: ListSql,
    window: PageWindow,
  ): Promise<Array<{ row: TeamRecord; cursor: PageCursor }>> {
    const read = await readPage<TeamRecord>(this.dataSource, list, window);
    return read.map(({ row, cursor }) => ({ row: { id: row.id, name: row.name }, cursor }));
  }

  /** How many a users' or teams' list holds, counting at most `bound`. */
  async countUpTo(list: ListSql, bound: number): Promise<BoundedCount> {
    return countUpTo(this.dataSource, list, bound);
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(UserEntity).count();
  }

  /** Stores a user; false when one with that email exists already (however close the race). */
  async insert(user: NewUser, teamIds: readonly string[] = []): Promise<boolean> {
    try {
      await this.insertWithTeams(user, teamIds);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  private async insertWithTeams(user: NewUser, teamIds: readonly string[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(UserEntity).insert({
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        active: user.active,
        passwordHash: user.passwordHash,
        oidcSubject: user.oidcSubject ?? null,
      });
      if (teamIds.length > 0) {
        await manager
          .getRepository(UserTeamEntity)
          .insert(teamIds.map((teamId) => ({ userId: user.id, teamId })));
      }
    });
  }

  async update(id: string, changes: UserChanges, now: Date): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.dataSource
      .getRepository(UserEntity)
      .update({ id }, { ...changes, updatedAt: now });
    return (result.affected ?? 0) > 0;
  }

  async setTeams(userId: string, teamIds: readonly string[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const teams = manager.getRepository(UserTeamEntity);
      await teams.delete({ userId });
      if (teamIds.length > 0) await teams.insert(teamIds.map((teamId) => ({ userId, teamId })));
    });
  }

  async listTeams(): Promise<TeamRecord[]> {
    return this.dataSource.getRepository(TeamEntity).find({ order: { name: 'ASC' } });
  }

  async findTeams(ids: readonly string[]): Promise<TeamRecord[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return this.dataSource.getRepository(TeamEntity).findBy({ id: In(valid) });
  }

  async findTeamByName(name: string): Promise<TeamRecord | null> {
    return this.dataSource.getRepository(TeamEntity).findOneBy({ name });
  }

  async insertTeam(team: TeamRecord): Promise<void> {
    await this.dataSource.getRepository(TeamEntity).insert(team);
  }

  private async withTeams(rows: readonly UserEntity[]): Promise<UserRecord[]> {
    if (rows.length === 0) return [];
    const memberships = await this.dataSource
      .getRepository(UserTeamEntity)
      .findBy({ userId: In(rows.map((row) => row.id)) });
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role as Role | null,
      active: row.active,
      teamIds: memberships.filter((m) => m.userId === row.id).map((m) => m.teamId),
      hasPassword: row.passwordHash !== null,
      oidcSubject: row.oidcSubject,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    }));
  }
}
