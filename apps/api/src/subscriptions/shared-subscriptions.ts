import {
  print,
  subscribe as graphqlSubscribe,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { FanOut, MAX_BEHIND } from './fan-out.js';

type SubscribeResult = AsyncGenerator<ExecutionResult, void, void> | ExecutionResult;

export interface SharedSubscriptionsOptions {
  /**
   * What, besides the document and its variables, decides the answers: two operations with the
   * same audience must get the same result for every event (subscription-audience.ts).
   */
  readonly audienceOf: (contextValue: unknown) => string;
  /** How many results a member may have waiting before it is ended (fan-out.ts). */
  readonly maxBehind?: number;
  /** Off: every operation executes on its own, as graphql-ws does by itself (benchmarks). */
  readonly share?: boolean;
}

/** One execution of a document for an audience, and the sockets that hear it. */
interface Group {
  readonly members: FanOut<ExecutionResult>;
  /** Members that joined and have not left. */
  count: number;
  /** The source ended, failed, or lost its last member: nobody may join it any more. */
  ended: boolean;
  readonly source: AsyncGenerator<ExecutionResult, void, void>;
}

/**
 * graphql-ws's `subscribe`, executing each subscription document once per audience instead of
 * once per socket. The first operation of a (document, variables, audience) runs graphql's
 * `subscribe` with its own context; later ones join it and get the same results, each through a
 * bounded queue of its own (a slow socket is ended with SUBSCRIPTION_INTERRUPTED as before, and
 * never holds up the others). When the source ends or fails, every member ends the same way;
 * when the last member leaves, the source is closed.
 *
 * The group runs with its first member's context, also after that member has gone. That is
 * sound because nothing a subscription resolves reads the context beyond the audience (the
 * scope and the permissions): a resolver that did would have to be part of the audience key.
 */
export class SharedSubscriptions {
  private readonly live = new Map<string, Group>();
  private readonly starting = new Map<string, Promise<Group | ExecutionResult>>();
  private readonly maxBehind: number;

  constructor(private readonly options: SharedSubscriptionsOptions) {
    this.maxBehind = options.maxBehind ?? MAX_BEHIND;
  }

  /** How many executions run for the sockets of this process (one per group). */
  get groupCount(): number {
    return this.live.size;
  }

  readonly subscribe = async (args: ExecutionArgs): Promise<SubscribeResult> => {
    if (this.options.share === false) return graphqlSubscribe(args);
    const key = this.keyOf(args);
    for (;;) {
      const live = this.live.get(key);
      if (live) return this.join(key, live);
      let pending = this.starting.get(key);
      if (!pending) {
        pending = this.start(key, args).finally(() => this.starting.delete(key));
        this.starting.set(key, pending);
      }
      const group = await pending;
      // A refusal (not allowed, bad arguments) is an answer, not a stream: each asker gets it.
      if (!('members' in group)) return group;
      if (!group.ended) return this.join(key, group);
      // It ended while this one waited to join (its source failed at once): start another.
    }
  };

  private async start(key: string, args: ExecutionArgs): Promise<Group | ExecutionResult> {
    const source = await graphqlSubscribe(args);
    if (!isAsyncGenerator(source)) return source;
    const group: Group = { members: new FanOut(this.maxBehind), count: 0, ended: false, source };
    this.live.set(key, group);
    void this.pump(key, group);
    return group;
  }

  private join(key: string, group: Group): AsyncGenerator<ExecutionResult, void, void> {
    group.count += 1;
    let gone = false;
    const leave = (): void => {
      if (gone) return;
      gone = true;
      group.count -= 1;
      if (group.count > 0 || group.ended) return;
      // The last one has gone: stop executing for nobody.
      this.retire(key, group);
      void group.source.return(undefined).catch(() => undefined);
    };
    const member = group.members.subscribe(undefined, leave);
    // A member ended before it was first read (its client completed at once) never starts its
    // queue, so its leaving is counted on return as well.
    const generator: AsyncGenerator<ExecutionResult, void, void> = {
      next: () => member.next() as Promise<IteratorResult<ExecutionResult, void>>,
      return: async () => {
        await member.return?.();
        leave();
        return { done: true, value: undefined };
      },
      throw: async (error: unknown) => {
        await member.return?.();
        leave();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return generator;
      },
    } as AsyncGenerator<ExecutionResult, void, void>;
    return generator;
  }

  private async pump(key: string, group: Group): Promise<void> {
    try {
      for await (const result of group.source) group.members.publish(result);
      this.retire(key, group);
      group.members.close();
    } catch (error) {
      this.retire(key, group);
      group.members.failAll(error);
    }
  }

  private retire(key: string, group: Group): void {
    group.ended = true;
    if (this.live.get(key) === group) this.live.delete(key);
  }

  private keyOf(args: ExecutionArgs): string {
    // graphql-ws parses the text it was sent, so the document keeps it; print is the fallback.
    const text = args.document.loc?.source.body ?? print(args.document);
    return JSON.stringify([
      this.options.audienceOf(args.contextValue),
      args.operationName ?? null,
      args.variableValues ?? {},
      text,
    ]);
  }
}

function isAsyncGenerator(value: SubscribeResult): value is AsyncGenerator<ExecutionResult> {
  return typeof (value as Partial<AsyncGenerator>)[Symbol.asyncIterator] === 'function';
}
