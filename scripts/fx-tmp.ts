import { readCandidateDataset, readJobOrders } from '../src/parsing/index.js';
import { rankCandidates } from '../src/matching/index.js';
import { createLocal } from '../src/providers/index.js';
const now = '2026-11-01';
const jobs = await readJobOrders('/work/wt-rank3/fixtures/jobs', { now });
const ds = await readCandidateDataset(['/work/wt-rank3/fixtures/cvs'], { now });
const job = jobs.find((j) => j.id === process.argv[2])!;
const res = await rankCandidates(job, ds.profiles, { now, embeddingModel: createLocal().embeddingModel() });
for (const r of res.filter((r)=>r.rank<=3||ds.profiles.find((x)=>x.id===r.candidateId)!.source.file!.includes(process.argv[3]??"zzz"))) {
  const p = ds.profiles.find((x) => x.id === r.candidateId)!;
  console.log(r.rank, (p.source.file ?? '').padEnd(40), r.score, r.breakdown.filter(b=>b.weight>0).map((b) => `${b.criterion.slice(0,5)}=${b.score}/${b.weight.toFixed(2)}`).join(' '));
}
