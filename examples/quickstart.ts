// Quick start: parse the fixture CVs, rank them for a job order, print the top 5 with their reasons.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainMatch, parseCvs, parseJobOrder, rankCandidates } from '../src/index.js';

const folder = new URL('../fixtures/', import.meta.url).pathname;
const job = parseJobOrder(readFileSync(join(folder, 'jobs/cariste-lyon.txt'), 'utf8'), {
  id: 'cariste-lyon',
});
const files = readdirSync(join(folder, 'cvs'))
  .filter((file) => /\.(pdf|docx|txt)$/.test(file))
  .map((file) => join(folder, 'cvs', file));

const parsed = await parseCvs(files, { onError: 'collect' });
const profiles = parsed.flatMap((item) => ('profile' in item ? [item.profile] : []));
const results = await rankCandidates(job, profiles); // offline: rules only, no API key

const fileOf = new Map(parsed.flatMap((item) => ('profile' in item ? [[item.profile.id, item.file]] : [])));
console.log(
  `${job.title} (${job.romeCode}), ${job.location?.city}, from ${job.startDate}: ${profiles.length} CVs`,
);
for (const result of results.slice(0, 5)) {
  console.log(
    `${result.rank}. ${result.score.toFixed(1)}  ${fileOf.get(result.candidateId)?.split('/').pop()}`,
  );
}
const [best] = results;
if (best) console.log(`\n${explainMatch(best, { audience: 'recruiter', language: 'en', job })}`);
