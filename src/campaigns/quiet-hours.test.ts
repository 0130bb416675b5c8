import { describe, expect, it } from 'vitest';
import { easterSunday, frenchPublicHolidays, isSendingAllowed, nextSendingTime } from './quiet-hours.js';

describe('quiet hours', () => {
  it('computes Easter and the French public holidays', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(frenchPublicHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-08',
      '2027-05-17',
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25',
    ]);
  });

  it('allows 08:00–20:00 Paris time on working days only', () => {
    // Monday 7 December 2026, Paris is UTC+1.
    expect(isSendingAllowed(new Date('2026-12-07T07:00:00Z'))).toBe(true); // 08:00
    expect(isSendingAllowed(new Date('2026-12-07T06:59:00Z'))).toBe(false); // 07:59
    expect(isSendingAllowed(new Date('2026-12-07T18:59:00Z'))).toBe(true); // 19:59
    expect(isSendingAllowed(new Date('2026-12-07T19:00:00Z'))).toBe(false); // 20:00
    expect(isSendingAllowed(new Date('2026-12-06T10:00:00Z'))).toBe(false); // Sunday
    expect(isSendingAllowed(new Date('2026-12-25T10:00:00Z'))).toBe(false); // Christmas
    // Summer time: Paris is UTC+2 on Wednesday 1 July 2026.
    expect(isSendingAllowed(new Date('2026-07-01T06:00:00Z'))).toBe(true);
    expect(isSendingAllowed(new Date('2026-07-01T05:59:00Z'))).toBe(false);
  });

  it('moves a send to the next window, over Sundays and holidays', () => {
    // Saturday 2026-12-05 21:00 Paris → Monday 7th 08:00 Paris.
    expect(nextSendingTime(new Date('2026-12-05T20:00:00Z')).toISOString()).toBe('2026-12-07T07:00:00.000Z');
    // Thursday 24 December 22:00 → 25th is Christmas, 26th Saturday 08:00.
    expect(nextSendingTime(new Date('2026-12-24T21:00:00Z')).toISOString()).toBe('2026-12-26T07:00:00.000Z');
    // Early morning same day.
    expect(nextSendingTime(new Date('2026-12-08T05:00:00Z')).toISOString()).toBe('2026-12-08T07:00:00.000Z');
    // Easter Monday 2027-03-29: Saturday 27 at 20:30 → Tuesday 30 (Paris UTC+2 after 28 March).
    expect(nextSendingTime(new Date('2027-03-27T19:30:00Z')).toISOString()).toBe('2027-03-30T06:00:00.000Z');
    const allowed = new Date('2026-12-08T10:00:00Z');
    expect(nextSendingTime(allowed)).toBe(allowed);
  });
});
