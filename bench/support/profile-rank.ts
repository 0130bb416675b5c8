import { jobOrderSchema } from '../../src/domain/job-order.js';
import { rankCandidates } from '../../src/matching/index.js';
import { buildPoolIndex } from '../../src/matching/retrieve/index.js';
import { createLocal } from '../../src/providers/local/create-local.js';
import { createRandom, syntheticProfile } from './synthetic-profiles.js';

const random = createRandom(7);
const profiles = Array.from({ length: 10000 }, (_, p) => syntheticProfile(p, random));
const job = jobOrderSchema.parse({
  id: 'b',
  title: 'Cariste',
  description: 'Chargement et déchargement de camions, gerbage, inventaire',
  romeCode: 'N1101',
  location: { city: 'Vénissieux', postalCode: '69200', lat: 45.697, lon: 4.886 },
  requiredCertifications: ['CACES_R489_3'],
  requiredSkills: ['chargement', 'gerbage'],
});
const embeddingModel = createLocal().embeddingModel();
const index = await buildPoolIndex(profiles, { embeddingModel });
await rankCandidates(job, index, { embeddingModel, now: '2026-11-01' });

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const t = performance.now();
for (let i = 0; i < 3; i++) await rankCandidates(job, index, { embeddingModel, now: '2026-11-01' });
console.log('rank on index ms', (performance.now() - t) / 3);
const { profile } = await session.post('Profiler.stop');
writeFileSync('/tmp/prof/rank.cpuprofile', JSON.stringify(profile));
const x = new Float32Array(10240000);
const y = new Float32Array(x.length);
y.fill(1);
let s = performance.now();
x.set(y);
console.log('set ms', performance.now() - s);
s = performance.now();
x.set(y);
console.log('set ms again', performance.now() - s);
