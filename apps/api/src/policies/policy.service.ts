import {
  PRESETS,
  checkAgainstCode,
  derivePolicy,
  type CodeDeparture,
  type Policy,
  type PolicyChanges,
} from '@redress/domain';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Transactions } from '../database/transactions.js';
import {
  BadUserInputError,
  ConflictError,
  InvalidPolicyError,
  NotFoundError,
} from '../errors/app-errors.js';
import { COUNT_BOUND } from '../shared/connection.js';
import { pageOf, type Page, type PageRequest } from '../shared/page.js';
import {
  POLICY_ID_PATTERN,
  policyListSql,
  type PolicyListFilter,
  type PolicyOrder,
} from './policy-list.sql.js';
import type { PolicyRepository } from './policy.repository.js';

export interface CreatePolicyInput {
  /** The preset or policy to start from (its current version). */
  readonly basedOn: string;
  /** The new policy's id; the base's own id makes the base's next version. Default: from the name. */
  readonly id?: string;
  readonly name: string;
  readonly description?: string;
  readonly changes: PolicyChanges;
}

const POLICY_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export class PolicyService {
  constructor(
    readonly repository: PolicyRepository,
    private readonly transactions: Transactions,
  ) {}

  /** The current version of each policy. */
  async list(by: Principal): Promise<Policy[]> {
    requirePermission(by, 'policies:read');
    return this.repository.findAllCurrent();
  }

  /** A page of policies, each at its current version. */
  async page(
    by: Principal,
    filter: PolicyListFilter,
    order: PolicyOrder,
    request: PageRequest,
  ): Promise<Page<Policy>> {
    requirePermission(by, 'policies:read');
    const list = policyListSql(filter, order);
    return pageOf(request, {
      cursorList: ['policies', order.field, order.direction],
      idPattern: POLICY_ID_PATTERN,
      read: (window) => this.repository.findPage(list, window),
      count: () => this.repository.countUpTo(list, COUNT_BOUND),
    });
  }

  async findById(by: Principal, id: string): Promise<Policy | null> {
    requirePermission(by, 'policies:read');
    return this.repository.findCurrent(id);
  }

  /** A version as it was: cases keep the version in force when each stage began. */
  async findVersion(id: string, version: number): Promise<Policy | null> {
    return this.repository.findVersion(id, version);
  }

  /**
   * A landlord's own policy, based on a preset or on one of theirs, or the next version of one
   * of theirs. The presets are Redress's: they never change here (a release brings their next
   * version), so a policy based on one always gets an id of its own.
   */
  async create(by: Principal, input: CreatePolicyInput): Promise<Policy> {
    requirePermission(by, 'policies:write');
    const id = input.id ?? slugOf(input.name);
    if (PRESETS.some((preset) => preset.id === id)) {
      throw new BadUserInputError(
        `"${id}" is one of Redress's presets, which never change: give your policy an id of its own (e.g. "${id}-riverside"), based on "${input.basedOn}".`,
        input.id === undefined ? 'name' : 'id',
      );
    }
    if (!POLICY_ID.test(id)) {
      throw new BadUserInputError(
        'A policy id is lower-case letters, digits and hyphens (e.g. "riverside-2026"), at most 63.',
        input.id === undefined ? 'name' : 'id',
      );
    }
    if (input.name.trim() === '') throw new BadUserInputError('Give the policy a name.', 'name');
    return this.transactions.run(async (manager) => {
      const base = await this.repository.findCurrent(input.basedOn, manager);
      if (!base) throw new NotFoundError('policy', input.basedOn);
      if (id !== base.id && (await this.repository.findCurrent(id, manager))) {
        throw new ConflictError(
          `A policy "${id}" exists already. Base the change on "${id}" to make its next version, or choose another id.`,
        );
      }
      const derived = derivePolicy(base, input.changes, {
        id,
        name: input.name.trim(),
        ...(input.description !== undefined ? { description: input.description } : {}),
      });
      if (!derived.ok) throw new InvalidPolicyError(derived.error);
      if (!(await this.repository.insert(derived.value, manager))) {
        throw new ConflictError(
          `Version ${derived.value.version} of policy "${id}" was made by someone else at the same moment. Try again.`,
        );
      }
      return derived.value;
    });
  }

  async departures(by: Principal, id: string): Promise<CodeDeparture[]> {
    requirePermission(by, 'policies:read');
    const policy = await this.repository.findCurrent(id);
    if (!policy) throw new NotFoundError('policy', id);
    return checkAgainstCode(policy);
  }

  /**
   * Stores the shipped presets, each version once: safe at every start and from several
   * instances at once. A preset changed in a later release comes as a new version.
   */
  async ensurePresets(): Promise<void> {
    for (const preset of PRESETS) {
      await this.repository.insert(preset);
    }
  }
}

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
}
