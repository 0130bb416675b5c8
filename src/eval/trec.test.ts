import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { ndcgAtK } from './metrics.js';
import { readQrels } from './qrels.js';
import {
  isTrecQrels,
  type Run,
  readTrecQrels,
  readTrecRun,
  writeQrelsTsv,
  writeTrecQrels,
  writeTrecRun,
} from './trec.js';

/**
 * An independent reader following trec_eval's own parsing (form_res_rels / form_trvec): split on
 * whitespace, qrels `qid iter docno rel`, run `qid iter docno rank sim tag`; the rank column is ignored,
 * each topic's documents are sorted by sim descending, then docno descending (strcmp), as in
 * `comp_sim_docno` of trec_eval 9.
 */
function trecEvalOrder(runText: string): Map<string, string[]> {
  const byTopic = new Map<string, { docno: string; sim: number }[]>();
  for (const line of runText.split('\n')) {
    if (!line.trim()) continue;
    const [qid, , docno, , sim] = line.trim().split(/\s+/);
    const list = byTopic.get(qid as string) ?? [];
    list.push({ docno: docno as string, sim: Number.parseFloat(sim as string) });
    byTopic.set(qid as string, list);
  }
  const order = new Map<string, string[]>();
  for (const [qid, list] of byTopic) {
    list.sort((a, b) =>
      a.sim > b.sim ? -1 : a.sim < b.sim ? 1 : a.docno > b.docno ? -1 : a.docno < b.docno ? 1 : 0,
    );
    order.set(
      qid,
      list.map((item) => item.docno),
    );
  }
  return order;
}

function trecEvalQrels(text: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const [qid, , docno, rel] = line.trim().split(/\s+/);
    const judgements = qrels.get(qid as string) ?? new Map<string, number>();
    judgements.set(docno as string, Number.parseInt(rel as string, 10));
    qrels.set(qid as string, judgements);
  }
  return qrels;
}

const run: Run = new Map([
  [
    'cariste-lyon',
    [
      { candidate: 'cariste-01', score: 81.5 },
      // Tied scores: trec_eval would put "zz" before "aa" (docno descending); the writer keeps this order.
      { candidate: 'aa-02', score: 70 },
      { candidate: 'zz-03', score: 70 },
      { candidate: 'zz-04', score: 70 },
      { candidate: 'soudeur-05', score: 12.25 },
    ],
  ],
  ['soudeur', [{ candidate: 'soudeur-05', score: 90 }]],
]);

describe('TREC run files', () => {
  it('round-trip through a trec_eval-style reader in the same order, ties included', () => {
    const text = writeTrecRun(run, 'local');
    expect(text.split('\n')[0]).toBe('cariste-lyon Q0 cariste-01 1 81.5000 local');
    expect(text.split('\n')[2]).toBe('cariste-lyon Q0 zz-03 3 69.9999 local');
    const expected = new Map(
      [...run].map(([job, entries]) => [job, entries.map((entry) => entry.candidate)]),
    );
    expect(trecEvalOrder(text)).toEqual(expected);
    const back = readTrecRun(text);
    expect(
      new Map([...back].map(([job, entries]) => [job, entries.map((entry) => entry.candidate)])),
    ).toEqual(expected);
    expect(back.get('cariste-lyon')?.[0]?.score).toBe(81.5);
  });

  it('reads like trec_eval: rank column ignored, score then docno descending, any whitespace', () => {
    const back = readTrecRun('q1 Q0 b 1 1.0 t\nq1\tQ0  a   2 3.5 t\r\nq1 Q0 c 3 1.0 t\n');
    expect(back.get('q1')?.map((entry) => entry.candidate)).toEqual(['a', 'c', 'b']);
  });

  it('rejects duplicates, bad scores, wrong column counts and unwritable ids', () => {
    expect(() => readTrecRun('q1 Q0 a 1 1 t\nq1 Q0 a 2 0.5 t\n')).toThrow(ValidationError);
    expect(() => readTrecRun('q1 Q0 a 1 high t\n')).toThrow(ValidationError);
    expect(() => readTrecRun('q1 Q0 a 1 1\n')).toThrow(ValidationError);
    expect(() => writeTrecRun(new Map([['job one', [{ candidate: 'a', score: 1 }]]]))).toThrow(
      ValidationError,
    );
    expect(() =>
      writeTrecRun(
        new Map([
          [
            'q',
            [
              { candidate: 'a', score: 1 },
              { candidate: 'a', score: 0 },
            ],
          ],
        ]),
      ),
    ).toThrow(ValidationError);
  });
});

describe('TREC qrels', () => {
  const tsv =
    'job_id\tcandidate\tgrade\ncariste-lyon\tcariste-01\t3\ncariste-lyon\tsoudeur-05\t0\nsoudeur\tsoudeur-05\t2\n';

  it('round-trip TSV → TREC → trec_eval reader / readQrels → TSV unchanged', () => {
    const qrels = readQrels(tsv);
    const trec = writeTrecQrels(qrels);
    expect(trec).toBe('cariste-lyon 0 cariste-01 3\ncariste-lyon 0 soudeur-05 0\nsoudeur 0 soudeur-05 2\n');
    expect(trecEvalQrels(trec)).toEqual(qrels);
    expect(isTrecQrels(trec)).toBe(true);
    expect(isTrecQrels(tsv)).toBe(false);
    const back = readQrels(trec); // auto-detected
    expect(back).toEqual(qrels);
    expect(writeQrelsTsv(back)).toBe(tsv);
  });

  it('lists malformed lines with their numbers and gives the same metrics whatever the format', () => {
    let error: unknown;
    try {
      readTrecQrels('q 0 a 1\nq 0 b 7\nq 0 c\nq 0 a 2\n');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path[0])).toEqual([2, 3, 4]);
    const fromTsv = readQrels(tsv).get('cariste-lyon') as Map<string, number>;
    const fromTrec = readQrels(writeTrecQrels(readQrels(tsv)), { format: 'trec' }).get('cariste-lyon') as Map<
      string,
      number
    >;
    expect(ndcgAtK(['soudeur-05', 'cariste-01'], fromTrec, 2)).toBe(
      ndcgAtK(['soudeur-05', 'cariste-01'], fromTsv, 2),
    );
  });
});
