import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { readQrels } from './qrels.js';

describe('readQrels', () => {
  it('reads job, candidate and grade per line, skipping header, comments and blank lines', () => {
    const qrels = readQrels(
      'job_id\tcandidate\tgrade\n# rubric v1\ncariste-lyon\tcariste-01\t3\n\ncariste-lyon\tsoudeur-02\t0\r\nsoudeur\tsoudeur-02\t2\n',
    );
    expect([...qrels.keys()]).toEqual(['cariste-lyon', 'soudeur']);
    expect(qrels.get('cariste-lyon')).toEqual(
      new Map([
        ['cariste-01', 3],
        ['soudeur-02', 0],
      ]),
    );
    expect(qrels.get('soudeur')?.get('soudeur-02')).toBe(2);
  });

  it('lists every malformed line with its number', () => {
    let error: unknown;
    try {
      readQrels('a\tb\t3\na\tc\t4\na b 1\na\tb\t2\na\td\t1.5\n');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path[0])).toEqual([2, 3, 4, 5]);
  });
});
