// The things residents complain about: each category with what they say, what the landlord
// finds, and what it does to put things right. The summaries are dealt out like a pack of cards
// (every one before any again), so a demo of a few hundred cases reads each one.
import { HOME_CATEGORIES } from './demo-categories-home.js';
import { TENANCY_CATEGORIES } from './demo-categories-tenancy.js';
import { shuffled, type Random } from './demo-random.js';

export interface DemoCategory {
  readonly id: string;
  /** Of every hundred complaints, about how many are of this kind. */
  readonly weight: number;
  /** What residents say, as logged. */
  readonly summaries: readonly string[];
  /** What a stage response finds. */
  readonly outcomes: readonly string[];
  /** What the landlord agrees to do. */
  readonly actions: readonly string[];
  /** The team that owns the actions. */
  readonly owner: string;
}

export const DEMO_CATEGORIES: readonly DemoCategory[] = [...HOME_CATEGORIES, ...TENANCY_CATEGORIES];

export interface CategoryDeal {
  readonly category: DemoCategory;
  readonly summary: string;
}

/**
 * A category and a summary for each of `count` cases: each category gets its share of the
 * cases by weight (the largest remainders rounding up), in a shuffled order, and each category's
 * summaries are dealt in a shuffled order, every one before any repeats. Drawn from its own
 * generator, so what a case is about does not depend on how earlier histories went.
 */
export function dealCategories(random: Random, count: number): CategoryDeal[] {
  const total = DEMO_CATEGORIES.reduce((sum, c) => sum + c.weight, 0);
  const shares = DEMO_CATEGORIES.map((category, i) => {
    const exact = (count * category.weight) / total;
    return { category, i, n: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = count - shares.reduce((sum, s) => sum + s.n, 0);
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder || a.i - b.i)) {
    if (left === 0) break;
    share.n += 1;
    left -= 1;
  }
  const decks = new Map<string, { cards: string[]; next: number }>();
  const order = shuffled(
    random,
    shares.flatMap((share) => Array.from({ length: share.n }, () => share.category)),
  );
  return order.map((category) => {
    let deck = decks.get(category.id);
    if (!deck || deck.next === deck.cards.length) {
      deck = { cards: shuffled(random, category.summaries), next: 0 };
      decks.set(category.id, deck);
    }
    const summary = deck.cards[deck.next] as string;
    deck.next += 1;
    return { category, summary };
  });
}
