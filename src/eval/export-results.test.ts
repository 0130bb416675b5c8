import { describe, expect, it } from 'vitest';
import type { ExperimentResult } from './experiment.js';
import { experimentRun, perCandidateCsv, perJobCsv } from './export-results.js';
import { readQrels } from './qrels.js';

const result: ExperimentResult = {
  cutoffs: [5],
  metricNames: ['ndcg@5', 'map'],
  warnings: [],
  configs: [
    {
      name: 'local',
      usage: null,
      durationMs: 1,
      overall: { 'ndcg@5': 0.75, map: null },
      perJob: [
        {
          jobId: 'cariste, lyon',
          judged: 2,
          relevant: 1,
          metrics: { 'ndcg@5': 0.75, map: null },
          top: ['a', 'b'],
          durationMs: 1,
          ranking: [
            { candidate: 'a', score: 80, contributions: { occupation: 20.5, skills: 3 }, summary: 'ok' },
            { candidate: 'b', score: null, contributions: null, summary: null },
          ],
        },
      ],
    },
  ],
};

describe('experiment exports', () => {
  it('writes per-job CSV rows with an OVERALL row, quoting fields with commas', () => {
    expect(perJobCsv(result)).toBe(
      'config,job_id,judged,relevant,ndcg@5,map\r\nlocal,"cariste, lyon",2,1,0.75,\r\nlocal,OVERALL,,,0.75,\r\n',
    );
  });

  it('writes per-candidate CSV rows with grade and criterion points', () => {
    const qrels = readQrels('cariste, lyon\ta\t3\n');
    expect(perCandidateCsv(result, qrels).split('\r\n')).toEqual([
      'config,job_id,rank,candidate,score,grade,points_occupation,points_skills',
      'local,"cariste, lyon",1,a,80,3,20.5,3',
      'local,"cariste, lyon",2,b,,,,',
      '',
    ]);
  });

  it('turns rankings into a run, scoring id-only rankers by position', () => {
    expect(experimentRun(result.configs[0] as ExperimentResult['configs'][0]).get('cariste, lyon')).toEqual([
      { candidate: 'a', score: 80 },
      { candidate: 'b', score: 1 },
    ]);
  });
});
