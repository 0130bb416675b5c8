import { describe, expect, it } from 'vitest';
import { requirementKindSchema } from '../../domain/index.js';
import type { RequirementCheck } from './check-requirements.js';
import { tallyRequirements } from './tally-requirements.js';

const check = (
  kind: RequirementCheck['kind'],
  met: RequirementCheck['met'],
  penalty = 1,
): RequirementCheck => ({
  kind,
  requirement: `${kind} required`,
  met,
  message: `${kind}: ${met}`,
  evidence: [],
  policy: 'penalize',
  excluded: false,
  penalty,
  detail: {},
});

describe('tallyRequirements', () => {
  it('keys the checks by every kind of the domain schema, in the order they were made', () => {
    const checks = [
      check('certification', 'yes'),
      check('certification', 'no', 0.6),
      check('distance', 'unknown'),
    ];
    const { byKind } = tallyRequirements(checks);
    expect(Object.keys(byKind).sort()).toEqual([...requirementKindSchema.options].sort());
    expect(byKind.certification).toEqual([checks[0], checks[1]]);
    expect(byKind.distance).toEqual([checks[2]]);
    expect(byKind.licence).toEqual([]);
  });

  it('lists the unmet checks and multiplies their penalties', () => {
    const outcome = tallyRequirements([
      check('certification', 'no', 0.6),
      check('availability', 'unknown'),
      check('distance', 'no', 0.75),
    ]);
    expect(outcome.unmet).toEqual([
      { kind: 'certification', requirement: 'certification required', message: 'certification: no' },
      { kind: 'distance', requirement: 'distance required', message: 'distance: no' },
    ]);
    expect(outcome.penalty).toBeCloseTo(0.45, 10);
    expect(outcome.excluded).toBe(false);
  });

  it('excludes when one check says so', () => {
    const excluded = { ...check('licence', 'no'), policy: 'exclude' as const, excluded: true };
    expect(tallyRequirements([check('certification', 'yes'), excluded]).excluded).toBe(true);
    expect(tallyRequirements([])).toMatchObject({ checks: [], unmet: [], penalty: 1, excluded: false });
  });
});
