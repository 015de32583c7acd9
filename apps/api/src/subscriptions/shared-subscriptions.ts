import {
  print,
  subscribe as graphqlSubscribe,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { SubscriptionInterruptedError } from '../errors/app-errors.js';
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
  /**
   * Where an operation's `next` messages may be written directly (its socket and id): the
   * result is then serialised once for the group by `payloadOf` and each such member is sent
   * one string, instead of graphql-ws serialising and sending it once per socket through an
   * async queue of its own. Undefined for an operation: it goes through graphql-ws as before.
   */
  readonly sinkOf?: (contextValue: unknown) => DirectSink | undefined;
  /** The `payload` of a `next` message for a result, in JSON, exactly as graphql-ws sends it. */
  readonly payloadOf?: (result: ExecutionResult) => string;
}

/** A subscription's own socket, for `next` messages written without graphql-ws. */
export interface DirectSink {
  /** The operation's id on its socket (the client's choice). */
  readonly id: string;
  /**
   * Writes one text frame in order with everything else sent on the socket; `written` is
   * called once it has gone (or failed). False, and nothing called: the socket is not open.
   */
  write(frame: string, written: () => void): boolean;
}

/** A member written to directly: what it has sent and not yet seen go out, and how it ends. */
interface DirectMember {
  /** `{"id":…,"type":"next","payload":` for this operation. */
  readonly prefix: string;
  readonly sink: DirectSink;
  /** Frames written and not yet gone: the socket's queue, bounded like a FanOut's. */
  behind: number;
  readonly end: (error?: unknown) => void;
}

/** One execution of a document for an audience, and the sockets that hear it. */
interface Group {
  readonly members: FanOut<ExecutionResult>;
  /** Members sent each result as one pre-serialised frame (`sinkOf`). */
  readonly direct: Set<DirectMember>;
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
      if (live) return this.join(key, live, args);
      let pending = this.starting.get(key);
      if (!pending) {
        pending = this.start(key, args).finally(() => this.starting.delete(key));
        this.starting.set(key, pending);
      }
      const group = await pending;
      // A refusal (not allowed, bad arguments) is an answer, not a stream: each asker gets it.
      if (!('members' in group)) return group;
      if (!group.ended) return this.join(key, group, args);
      // It ended while this one waited to join (its source failed at once): start another.
    }
  };

  private async start(key: string, args: ExecutionArgs): Promise<Group | ExecutionResult> {
    const source = await graphqlSubscribe(args);
    if (!isAsyncGenerator(source)) return source;
    const group: Group = {
      members: new FanOut(this.maxBehind),
      direct: new Set(),
      count: 0,
      ended: false,
      source,
    };
    this.live.set(key, group);
    void this.pump(key, group);
    return group;
  }

  private join(
    key: string,
    group: Group,
    args: ExecutionArgs,
  ): AsyncGenerator<ExecutionResult, void, void> {
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
    const sink = this.options.payloadOf ? this.options.sinkOf?.(args.contextValue) : undefined;
    if (sink) return this.joinDirect(group, sink, leave);
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

  /**
   * A member whose results are written straight to its socket by `publish`. graphql-ws still
   * holds its generator, which yields nothing and settles when the member ends: done when the
   * source ends (graphql-ws then sends `complete`), with the error when it fails or the member
   * falls too far behind (graphql-ws sends `error`), in either case after every frame written.
   */
  private joinDirect(
    group: Group,
    sink: DirectSink,
    leave: () => void,
  ): AsyncGenerator<ExecutionResult, void, void> {
    let settle!: (error?: unknown) => void;
    const ended = new Promise<IteratorResult<ExecutionResult, void>>((resolve, reject) => {
      settle = (error?: unknown) =>
        error === undefined ? resolve({ done: true, value: undefined }) : reject(error);
    });
    // Settled before graphql-ws asks (or after it stopped asking) is not an unhandled rejection.
    ended.catch(() => undefined);
    const member: DirectMember = {
      prefix: `{"id":${JSON.stringify(sink.id)},"type":"next","payload":`,
      sink,
      behind: 0,
      end: (error) => {
        group.direct.delete(member);
        settle(error);
        leave();
      },
    };
    if (group.ended) member.end();
    else group.direct.add(member);
    const stop = async (): Promise<IteratorResult<ExecutionResult, void>> => {
      member.end();
      return { done: true, value: undefined };
    };
    const generator: AsyncGenerator<ExecutionResult, void, void> = {
      next: () => ended,
      return: stop,
      throw: async (error: unknown) => {
        await stop();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return generator;
      },
    } as AsyncGenerator<ExecutionResult, void, void>;
    return generator;
  }

  /** One result to every member: queued for graphql-ws's, one serialisation for the direct. */
  private publish(group: Group, result: ExecutionResult): void {
    group.members.publish(result);
    if (group.direct.size === 0 || !this.options.payloadOf) return;
    const payload = this.options.payloadOf(result);
    for (const member of group.direct) {
      if (member.behind >= this.maxBehind) {
        member.end(new SubscriptionInterruptedError('too-slow', member.behind));
        continue;
      }
      member.behind += 1;
      const written = member.sink.write(`${member.prefix}${payload}}`, () => {
        member.behind -= 1;
      });
      if (!written) member.behind -= 1;
    }
  }

  private async pump(key: string, group: Group): Promise<void> {
    try {
      for await (const result of group.source) this.publish(group, result);
      this.retire(key, group);
      group.members.close();
      for (const member of [...group.direct]) member.end();
    } catch (error) {
      this.retire(key, group);
      group.members.failAll(error);
      for (const member of [...group.direct]) member.end(error);
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
