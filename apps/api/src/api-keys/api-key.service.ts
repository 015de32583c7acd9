import { randomUUID } from 'node:crypto';
import { API_KEY_SCOPES, type ApiKeyScope } from '@redress/domain';
import type { SecurityLog } from '../audit/security-log.service.js';
import type { Principal } from '../auth/principal.js';
import type { CredentialTarget } from '../auth/session-cache.js';
import { secretHash } from '../auth/refresh-cookie.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Clock } from '../clock.js';
import { BadUserInputError, NotFoundError } from '../errors/app-errors.js';
import { newApiKey } from './api-key-format.js';
import { COUNT_BOUND } from '../shared/connection.js';
import { pageOf, type Page, type PageRequest } from '../shared/page.js';
import type {
  ApiKeyFilter,
  ApiKeyOrder,
  ApiKeyRecord,
  ApiKeyRepository,
} from './api-key.repository.js';

export interface CreateApiKey {
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly expiresAt?: Date | undefined;
}

const NAME = /^[^\p{Cc}]{1,200}$/u;

/** Partners' keys: made and revoked by admins; the secret is shown once, when made. */
export class ApiKeyService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly log: SecurityLog,
    private readonly clock: Clock,
    /** Drops what is kept of a key here and on every instance (AuthService). */
    private readonly credentials?: { forget(target: CredentialTarget): Promise<void> },
  ) {}

  async create(
    principal: Principal,
    input: CreateApiKey,
  ): Promise<{ key: ApiKeyRecord; secret: string }> {
    requirePermission(principal, 'api-keys:manage');
    return this.createUnchecked(principal, input);
  }

  /** For the demo data and start-up, where no admin is asking. */
  async createUnchecked(
    by: Principal,
    input: CreateApiKey,
  ): Promise<{ key: ApiKeyRecord; secret: string }> {
    const name = input.name.trim();
    if (!NAME.test(name)) {
      throw new BadUserInputError('Name the key after the application that will use it.', 'name');
    }
    const scopes = [...new Set(input.scopes)];
    if (scopes.length === 0) {
      throw new BadUserInputError(
        `Give the key at least one scope: ${API_KEY_SCOPES.join(', ')}.`,
        'scopes',
      );
    }
    const now = this.clock.now();
    if (input.expiresAt !== undefined && input.expiresAt <= now) {
      throw new BadUserInputError('expiresAt must be in the future.', 'expiresAt');
    }
    const { prefix, secret } = newApiKey();
    const id = randomUUID();
    await this.keys.insert({
      id,
      name,
      prefix,
      secretHash: secretHash(secret),
      scopes,
      createdBy: by.kind === 'user' ? by.id : null,
      expiresAt: input.expiresAt ?? null,
    });
    await this.log.record('api-key-created', by, { kind: 'api-key', id }, { name, scopes, prefix });
    const key = await this.keys.findById(id);
    if (!key) throw new Error('An API key just stored could not be read back.');
    return { key, secret };
  }

  async list(principal: Principal): Promise<ApiKeyRecord[]> {
    requirePermission(principal, 'api-keys:manage');
    return this.keys.list();
  }

  async page(
    principal: Principal,
    filter: ApiKeyFilter,
    order: ApiKeyOrder,
    request: PageRequest,
  ): Promise<Page<ApiKeyRecord>> {
    requirePermission(principal, 'api-keys:manage');
    return pageOf(request, {
      cursorList: ['apiKeys', order.field, order.direction],
      read: (window) => this.keys.findPage(filter, order, window),
      count: () => this.keys.countUpTo(filter, COUNT_BOUND),
    });
  }

  async revoke(principal: Principal, id: string): Promise<ApiKeyRecord> {
    requirePermission(principal, 'api-keys:manage');
    const key = await this.keys.findById(id);
    if (!key) throw new NotFoundError('api-key', id);
    const revokedNow = await this.keys.revoke(id, this.clock.now());
    await this.credentials?.forget({ kind: 'api-key', id });
    if (revokedNow) {
      await this.log.record(
        'api-key-revoked',
        principal,
        { kind: 'api-key', id },
        { name: key.name },
      );
    }
    const revoked = await this.keys.findById(id);
    if (!revoked) throw new NotFoundError('api-key', id);
    return revoked;
  }
}
