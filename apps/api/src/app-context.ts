import type { Actor, BankHolidaysData } from '@redress/domain';
import DataLoader from 'dataloader';
import type { Clock } from './clock.js';
import type { StoredEvent } from './complaints/complaint.service.js';
import type { Services } from './services.js';

/**
 * Batches what a list would otherwise fetch once per item. Made per request (or per WebSocket
 * operation), so nothing cached outlives the request it was read for.
 */
export interface Loaders {
  /** The stored events of each complaint: one statement for every complaint of a page. */
  readonly events: DataLoader<string, readonly StoredEvent[]>;
}

export function createLoaders(services: Services): Loaders {
  return {
    events: new DataLoader<string, readonly StoredEvent[]>(async (ids) => {
      const byId = await services.complaints.eventsFor(ids);
      return ids.map((id) => byId.get(id) ?? []);
    }),
  };
}

/** What every resolver is given. */
export interface AppContext {
  readonly actor: Actor;
  readonly services: Services;
  readonly loaders: Loaders;
  readonly clock: Clock;
  /** The run-time bank-holiday file, when the operator supplied one. */
  readonly holidays: BankHolidaysData | undefined;
}

export interface ContextDeps {
  readonly services: Services;
  readonly clock: Clock;
  readonly holidays?: BankHolidaysData | undefined;
}

export function createAppContext(deps: ContextDeps, actor: Actor): AppContext {
  return {
    actor,
    services: deps.services,
    loaders: createLoaders(deps.services),
    clock: deps.clock,
    holidays: deps.holidays,
  };
}
