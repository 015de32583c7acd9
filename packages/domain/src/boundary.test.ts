import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The domain's purity is held by the root ESLint config. These tests lint code as if it stood in
// packages/domain/src, so removing or weakening that rule fails here, not only in review.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });
const domainFile = `${root}packages/domain/src/complaints/probe.ts`;

async function ruleIds(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: domainFile });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the domain boundary', () => {
  it.each([
    ["import { DataSource } from 'typeorm';\nexport const d = DataSource;\n"],
    ["import { GraphQLError } from 'graphql';\nexport const e = GraphQLError;\n"],
    ["import { Field } from 'type-graphql';\nexport const f = Field;\n"],
    ["import { ApolloServer } from '@apollo/server';\nexport const a = ApolloServer;\n"],
    ["import pg from 'pg';\nexport const p = pg;\n"],
    ["import { useState } from 'react';\nexport const s = useState;\n"],
    ["import { List } from 'react-admin';\nexport const l = List;\n"],
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
  ])('refuses %s', async (code) => {
    expect(await ruleIds(code)).toContain('no-restricted-imports');
  });

  it.each([
    ['export const now = Date.now();\n'],
    ['export const now = new Date();\n'],
    ['export const now = performance.now();\n'],
  ])('refuses reading the clock: %s', async (code) => {
    expect(await ruleIds(code)).toContain('no-restricted-syntax');
  });

  it('allows dates made from a value', async () => {
    expect(await ruleIds("export const d = new Date('2026-11-06T09:00:00Z');\n")).toEqual([]);
  });
});
