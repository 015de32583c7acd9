import { residentKeyOf } from '@redress/domain';
import { describe, expect, it } from 'vitest';
import { residentKeyHash } from '../complaints/measure-columns.js';
import { describePerson, parsePersonQuery, residentKeyHashesOf } from './person-query.js';
import { startPages } from './record-bundle-pdf.js';

const hashOf = (complainant: Parameters<typeof residentKeyOf>[0]) =>
  residentKeyHash(residentKeyOf(complainant));

describe('a subject access request’s person', () => {
  it('keeps the details given, trimmed, and drops empty ones', () => {
    expect(parsePersonQuery({ email: ' a@example.org ', phone: '', name: null })).toEqual({
      email: 'a@example.org',
    });
  });

  it.each([
    [null, 'body'],
    [[], 'body'],
    [{}, 'email'],
    [{ address: '4 Mill Lane' }, 'name'],
    [{ phone: 'none' }, 'phone'],
    [{ email: 7 }, 'email'],
    [{ nickname: 'Sam' }, 'nickname'],
    [{ name: 'x'.repeat(501) }, 'name'],
  ])('refuses %j, naming %s', (body, field) => {
    expect(() => parsePersonQuery(body)).toThrow(expect.objectContaining({ field }));
  });

  it('finds a case by whichever detail its complainant is keyed by', () => {
    const hashes = residentKeyHashesOf({
      email: 'Sam@Example.org',
      phone: '+44 7700 900456',
      name: 'Sam  Okafor',
      address: '4 Mill Lane',
    });
    expect(hashes).toEqual([
      hashOf({ name: 'Sam Okafor', type: 'tenant', email: 'sam@example.org' }),
      hashOf({ name: 'Sam Okafor', type: 'tenant', phone: '07700 900456' }),
      hashOf({ name: 'sam okafor', type: 'tenant', address: '4 mill lane' }),
    ]);
  });

  it('names the person by the details given', () => {
    expect(describePerson({ email: 'a@example.org', name: 'A' })).toBe(
      'email a@example.org, name A',
    );
  });
});

describe('where each part of a bundle starts', () => {
  it('counts the index pages first, then each part’s pages', () => {
    expect(startPages([1, 3, 2], 1)).toEqual([2, 3, 6]);
    expect(startPages([1, 3, 2], 2)).toEqual([3, 4, 7]);
  });
});
