import { describe, expect, it } from 'vitest';
import { distanceKm } from './distance.js';

describe('distanceKm', () => {
  it('is zero for the same point and symmetric', () => {
    const a = { lat: 45.75, lon: 4.85 };
    const b = { lat: 48.85, lon: 2.35 };
    expect(distanceKm(a, a)).toBe(0);
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
  });

  it('matches hand-computed haversine values', () => {
    // One degree of latitude on the mean-radius sphere: 2πR/360 = 111.195 km.
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111.195, 2);
    // Half the circumference between antipodes.
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
    // One degree of longitude at 60°N is half of one at the equator.
    expect(distanceKm({ lat: 60, lon: 0 }, { lat: 60, lon: 1 })).toBeCloseTo(55.6, 0);
  });
});
