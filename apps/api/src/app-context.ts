import type { BankHolidaysData, CaseNote } from '@redress/domain';
import DataLoader from 'dataloader';
import type { AttachmentRecord } from './attachments/attachment.repository.js';
import type { RequestMeta } from './auth/auth.service.js';
import type { Principal } from './auth/principal.js';
import type { Clock } from './clock.js';
import type { StoredEvent } from './complaints/complaint.service.js';
import type { Services } from './services.js';
import type { TeamRecord, UserRecord } from './users/user.repository.js';
import type { LetterRecord } from './letters/letter.repository.js';

/**
 * Batches what a list would otherwise fetch once per item. Made per request (or per WebSocket
 * operation), so nothing cached outlives the request it was read for.
 */
export interface Loaders {
  /** The stored events of each complaint: one statement for every complaint of a page. */
  readonly events: DataLoader<string, readonly StoredEvent[]>;
  /** Users by id (assignees, handlers, responders): one statement for a page. */
  readonly users: DataLoader<string, UserRecord | null>;
  /** Teams by id (the team holding each case of a page): one statement for a page. */
  readonly teams: DataLoader<string, TeamRecord | null>;
  /** Each case's letters: one statement for a page. */
  readonly letters: DataLoader<string, readonly LetterRecord[]>;
  /** The files of each complaint, for this request's caller: one statement for a page. */
  readonly attachments: DataLoader<string, readonly AttachmentRecord[]>;
  /** The notes and contact log of each complaint: one statement for a page, scoped to the caller. */
  readonly notes: DataLoader<string, readonly CaseNote[]>;
  /** When each case was anonymised, null when it was not: one statement for a page. */
  readonly anonymisedAt: DataLoader<string, Date | null>;
}

export function createLoaders(services: Services, principal: Principal): Loaders {
  return {
    events: new DataLoader<string, readonly StoredEvent[]>(async (ids) => {
      const byId = await services.complaints.eventsFor(ids);
      return ids.map((id) => byId.get(id) ?? []);
    }),
    users: new DataLoader<string, UserRecord | null>(async (ids) => {
      const found = await services.users.getMany(ids);
      return ids.map((id) => found.find((user) => user.id === id) ?? null);
    }),
    teams: new DataLoader<string, TeamRecord | null>(async (ids) => {
      const found = await services.users.teamsByIds(ids);
      return ids.map((id) => found.find((team) => team.id === id) ?? null);
    }),
    letters: new DataLoader<string, readonly LetterRecord[]>(async (ids) => {
      const byId = await services.letters.lettersOf(principal, ids);
      return ids.map((id) => byId.get(id) ?? []);
    }),
    attachments: new DataLoader<string, readonly AttachmentRecord[]>(async (ids) => {
      const byId = await services.attachments.forComplaints(principal, ids);
      return ids.map((id) => byId.get(id) ?? []);
    }),
    notes: new DataLoader<string, readonly CaseNote[]>(async (ids) => {
      const byId = await services.caseNotes.notesFor(principal, ids);
      return ids.map((id) => byId.get(id) ?? []);
    }),
    // Asked of cases the caller has already read, so in their scope.
    anonymisedAt: new DataLoader<string, Date | null>(async (ids) => {
      const byId = await services.anonymisation.anonymisedAt(ids);
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

/** What the transport knows of the request beyond its credentials (HTTP only). */
export interface HttpExchange {
  readonly meta: RequestMeta;
  /** The refresh token the request's cookie carries. */
  readonly refreshToken: string | undefined;
  /** The request's Cookie header (the identity provider's callback reads its cookie from it). */
  readonly cookieHeader?: string | undefined;
  /** Adds a Set-Cookie header to the answer. */
  setCookie(cookie: string): void;
}

/** What every resolver is given. */
export interface AppContext {
  /** Who is asking, from the request's credentials: every service scopes what it does by it. */
  readonly principal: Principal;
  readonly services: Services;
  readonly loaders: Loaders;
  readonly clock: Clock;
  /** The run-time bank-holiday file, when the operator supplied one. */
  readonly holidays: BankHolidaysData | undefined;
  /** Present on HTTP requests; absent on WebSocket operations. */
  readonly http: HttpExchange | undefined;
}

export interface ContextDeps {
  readonly services: Services;
  readonly clock: Clock;
  readonly holidays?: BankHolidaysData | undefined;
}

export function createAppContext(
  deps: ContextDeps,
  principal: Principal,
  http?: HttpExchange,
): AppContext {
  return {
    principal,
    services: deps.services,
    loaders: createLoaders(deps.services, principal),
    clock: deps.clock,
    holidays: deps.holidays,
    http,
  };
}
