// docs/code.md's table of clauses names, as evidence, test files and the `describe` blocks in
// them. A renamed or removed test would leave the landlord's self-assessment pointing at
// nothing: this holds every reference to something that exists.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../../', import.meta.url);
const PAGE = readFileSync(new URL('docs/code.md', ROOT), 'utf8');
const TABLE = PAGE.slice(PAGE.indexOf('## Every clause Redress enforces'));

/** Each evidence cell: `path` followed by zero or more "describe names", comma separated. */
function references(): { path: string; names: string[] }[] {
  const found: { path: string; names: string[] }[] = [];
  for (const row of TABLE.split('\n').filter((line) => line.startsWith('| '))) {
    const evidence = row.split(' | ').at(-1) ?? '';
    for (const part of evidence.split(';')) {
      const path = /`((?:packages|apps)\/[^`]+)`/.exec(part)?.[1];
      if (!path) continue;
      const names = [...part.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
      found.push({ path, names });
    }
  }
  return found;
}

describe("docs/code.md's table of clauses", () => {
  const refs = references();

  it('names evidence for most clauses', () => {
    expect(refs.length).toBeGreaterThan(25);
  });

  it.each(refs.map((r) => [r.path, r.names] as const))(
    'points at %s and its describes %j, which exist',
    (path, names) => {
      const file = new URL(path, ROOT);
      expect(existsSync(file), `${path} does not exist`).toBe(true);
      const text = readFileSync(file, 'utf8');
      for (const name of names) {
        const quoted = [`'${name}'`, `"${name}"`, `\`${name}\``];
        expect(
          quoted.some((q) => text.includes(`describe(${q}`)),
          `${path} has no describe("${name}")`,
        ).toBe(true);
      }
    },
  );
});
