import { describe, expect, it } from 'vitest';
import { sectionLinesOf } from '../test-helpers.js';
import { findAvailability, findMobility } from './availability.js';

const now = new Date('2026-11-01T00:00:00Z');

describe('findAvailability', () => {
  it.each([
    ['Disponible immédiatement', { from: null, immediate: true }],
    ['dispo de suite', { from: null, immediate: true }],
    ['Available immediately', { from: null, immediate: true }],
    ['Disponible à partir du 15/01/2027', { from: '2027-01-15', immediate: false }],
    ['Disponible à partir du 15/01', { from: '2027-01-15', immediate: false }],
    ['Disponible à partir du 15/12', { from: '2026-12-15', immediate: false }],
    ['Available from 01/12/2026', { from: '2026-12-01', immediate: false }],
    ['Disponible à partir de janvier 2027', { from: '2027-01-01', immediate: false }],
    ['Disponible sous 15 jours', { from: '2026-11-16', immediate: false }],
    ['Available within 2 weeks', { from: '2026-11-15', immediate: false }],
  ])('%s', (text, expected) => {
    expect(findAvailability(sectionLinesOf(text), now)?.value).toEqual(expected);
  });

  it('returns null without an availability statement', () => {
    expect(findAvailability(sectionLinesOf('Cariste depuis 2020'), now)).toBeNull();
  });
});

describe('findMobility', () => {
  it.each([
    ['Véhiculé, rayon de 30 km', { maxDistanceKm: 30, hasVehicle: true }],
    ['Véhiculée', { maxDistanceKm: null, hasVehicle: true }],
    ['Non véhiculé', { maxDistanceKm: null, hasVehicle: false }],
    ['Mobile sur la région lyonnaise', { maxDistanceKm: null, hasVehicle: null }],
    ['Own car, up to 40 km', { maxDistanceKm: 40, hasVehicle: true }],
  ])('%s', (text, expected) => {
    expect(findMobility(sectionLinesOf(text))?.value).toEqual(expected);
  });
});
