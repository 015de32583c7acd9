import type { Clock } from '../clock.js';
import { BadUserInputError } from '../errors/app-errors.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Principal } from '../auth/principal.js';
import { COUNT_BOUND } from '../shared/connection.js';
import type { OrderDirection } from '../shared/order-direction.js';
import { pageOf, type Page, type PageRequest } from '../shared/page.js';
import {
  SECURITY_LOG_ID,
  type SecurityLogPageFilter,
  type SecurityEventKind,
  type SecurityLogFilter,
  type SecurityLogRepository,
  type StoredSecurityEvent,
} from './security-log.repository.js';

export interface Subject {
  readonly kind: 'user' | 'api-key' | 'team' | 'session' | 'attachment' | 'complaint';
  readonly id: string;
}

/** Records what happens to who may do what, and lets admins read it. */
export class SecurityLog {
  constructor(
    private readonly repository: SecurityLogRepository,
    private readonly clock: Clock,
  ) {}

  async record(
    kind: SecurityEventKind,
    by: Principal | null,
    subject: Subject | null,
    detail: Readonly<Record<string, unknown>> = {},
    address: string | null = null,
  ): Promise<void> {
    const actor = by && by.kind !== 'anonymous' ? { kind: by.kind, id: by.id } : null;
    await this.repository.append(
      {
        kind,
        actorKind: actor?.kind ?? null,
        actorId: actor?.id ?? null,
        subjectKind: subject?.kind ?? null,
        subjectId: subject?.id ?? null,
        address,
        detail,
      },
      this.clock.now(),
    );
  }

  async find(principal: Principal, filter: SecurityLogFilter): Promise<StoredSecurityEvent[]> {
    requirePermission(principal, 'audit:read');
    if (filter.before !== undefined && !/^\d{1,18}$/.test(filter.before)) {
      throw new BadUserInputError('before must be the id of an entry of the log.', 'before');
    }
    return this.repository.find(filter);
  }

  /** A page of the log, newest first unless asked otherwise. */
  async page(
    principal: Principal,
    filter: SecurityLogPageFilter,
    direction: OrderDirection,
    request: PageRequest,
  ): Promise<Page<StoredSecurityEvent>> {
    requirePermission(principal, 'audit:read');
    return pageOf(request, {
      cursorList: ['auditLog', 'at', direction],
      idPattern: SECURITY_LOG_ID,
      read: (window) => this.repository.findPage(filter, direction, window),
      count: () => this.repository.countUpTo(filter, COUNT_BOUND),
    });
  }
}
