import { describe, expect, it } from 'vitest';
import { homeRelation, isComparable, parseHome } from './home-address.js';

describe('parseHome', () => {
  it.each([
    [
      '12 High St',
      null,
      { flat: null, number: '12', building: null, street: 'high street', postcode: null },
    ],
    [
      'Flat 3, 12 High Street, Leeds',
      'ls1 4ab',
      { flat: '3', number: '12', building: null, street: 'high street', postcode: 'LS1 4AB' },
    ],
    [
      '3/12 High Road, LS14AB',
      null,
      { flat: '3', number: '12', building: null, street: 'high road', postcode: 'LS1 4AB' },
    ],
    [
      'Flat 2b Rose Court, Mill Lane',
      null,
      { flat: '2b', number: null, building: 'rose court', street: 'mill lane', postcode: null },
    ],
    [
      '14-16 Oak Ave',
      'M1 1AE',
      { flat: null, number: '14', building: null, street: 'oak avenue', postcode: 'M1 1AE' },
    ],
  ])('reads %j (postcode %j)', (address, postcode, home) => {
    expect(parseHome(address, postcode)).toEqual(home);
  });

  it('finds nothing to compare in an address without a number or a building', () => {
    expect(isComparable(parseHome(''))).toBe(false);
    expect(isComparable(parseHome('12'))).toBe(false);
    expect(isComparable(parseHome('12 High Street'))).toBe(true);
    expect(isComparable(parseHome('Rose Cottage'))).toBe(true);
  });
});

describe('homeRelation', () => {
  it.each([
    ['12 High Street', '12 high st.', 'same-home'],
    ['Flat 3, 12 High Street', '3/12 High St', 'same-home'],
    ['Flat 3, 12 High Street', '12 High Street, Flat 3, Leeds', 'same-home'],
    ['Flat 3, 12 High Street', 'Flat 4, 12 High Street', 'same-building'],
    ['12 High Street', 'Flat 4, 12 High Street', 'same-building'],
    ['Flat 1 Rose Court, Mill Lane', 'Flat 9, Rose Court', 'same-building'],
    ['12 High Street', '14 High Street', 'neighbour'],
    ['12 High Street', '11 High Street', 'neighbour'],
    ['12 High Street', '10A High Street', 'neighbour'],
    ['12 High Street, LS1 4AB', '40 High Street, LS1 4AB', 'neighbour'],
    ['12 High Street', '15 High Street', null],
    ['12 High Street, LS1 4AB', '40 High Street, LS1 4AD', null],
    ['12 High Street, LS1 4AB', '12 High Street, M1 1AE', null],
    ['12 High Street', '12 High Road', null],
    ['12 High Street', 'Rose Cottage, High Street', null],
  ])('%j and %j: %s', (a, b, relation) => {
    expect(homeRelation(parseHome(a), parseHome(b))).toBe(relation);
    expect(homeRelation(parseHome(b), parseHome(a))).toBe(relation);
  });
});
