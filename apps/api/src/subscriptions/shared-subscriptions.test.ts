// The shared execution with a tiny schema of its own: how often a document runs for how many
// members, what each member gets, and how members leave, fall behind and are ended.
import {
  GraphQLInt,
  GraphQLObjectType,
  GraphQLSchema,
  parse,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { SubscriptionInterruptedError } from '../errors/app-errors.js';
import { FanOut } from './fan-out.js';
import { SharedSubscriptions } from './shared-subscriptions.js';

function world() {
  const source = new FanOut<number>();
  let executions = 0;
  const Tick = new GraphQLObjectType({
    name: 'Tick',
    fields: {
      n: {
        type: GraphQLInt,
        resolve: (n: number) => {
          executions += 1;
          return n;
        },
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { n: { type: GraphQLInt } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        ticks: { type: Tick, subscribe: () => source.subscribe(), resolve: (n: number) => n },
      },
    }),
  });
  const shared = new SharedSubscriptions({
    audienceOf: (context) => (context as { audience: string }).audience,
    maxBehind: 3,
  });
  const subscribe = async (audience: string, query = 'subscription { ticks { n } }') => {
    const args: ExecutionArgs = { schema, document: parse(query), contextValue: { audience } };
    const result = await shared.subscribe(args);
    if (!(Symbol.asyncIterator in result)) throw new Error('Expected a stream');
    return result;
  };
  return { source, shared, subscribe, executions: () => executions };
}

async function next(stream: AsyncIterator<ExecutionResult>) {
  return ((await stream.next()).value as ExecutionResult).data;
}

describe('SharedSubscriptions', () => {
  it('runs a document once per audience, and sends each member the same result', async () => {
    const { source, shared, subscribe, executions } = world();
    const members = await Promise.all([subscribe('all'), subscribe('all'), subscribe('all')]);
    const other = await subscribe('key-1');
    const pending = [...members, other].map((m) => next(m));
    await new Promise((resolve) => setImmediate(resolve));
    expect(shared.groupCount).toBe(2);
    source.publish(7);
    for (const data of await Promise.all(pending)) expect(data).toEqual({ ticks: { n: 7 } });
    expect(executions()).toBe(2);
    for (const member of [...members, other]) await member.return?.(undefined);
  });

  it('closes the execution when its last member leaves, and starts afresh after', async () => {
    const { source, shared, subscribe } = world();
    const first = await subscribe('all');
    const second = await subscribe('all');
    void first.next();
    void second.next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.size).toBe(1);
    await first.return?.(undefined);
    expect(source.size).toBe(1);
    await second.return?.(undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(shared.groupCount).toBe(0);
    expect(source.size).toBe(0);

    const again = await subscribe('all');
    const value = next(again);
    await new Promise((resolve) => setImmediate(resolve));
    source.publish(1);
    expect(await value).toEqual({ ticks: { n: 1 } });
    await again.return?.(undefined);
  });

  it('ends a member that falls behind, and no other; a failing source ends them all', async () => {
    const { source, subscribe } = world();
    const slow = await subscribe('all');
    const quick = await subscribe('all');
    void slow.next();
    const heard: unknown[] = [];
    const reading = (async () => {
      try {
        for await (const result of quick) heard.push(result.data);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    await new Promise((resolve) => setImmediate(resolve));
    for (let n = 1; n <= 6; n += 1) {
      source.publish(n);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const fromSlow: unknown[] = [];
    const slowEnd = await (async () => {
      try {
        for (;;) {
          const step = await slow.next();
          if (step.done) return undefined;
          fromSlow.push(step.value);
        }
      } catch (error) {
        return error;
      }
    })();
    expect(slowEnd).toBeInstanceOf(SubscriptionInterruptedError);
    expect((slowEnd as SubscriptionInterruptedError).reason).toBe('too-slow');
    expect(heard).toHaveLength(6);

    source.interruptAll();
    const quickEnd = await reading;
    expect((quickEnd as SubscriptionInterruptedError).reason).toBe('events-missed');
  });
});
