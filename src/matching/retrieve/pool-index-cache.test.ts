import { describe, expect, it } from 'vitest';
import { createFakeEmbeddingModel, makeJob, makeProfile } from '../../../test/retrieval/support.js';
import { rankCandidates } from '../rank-candidates.js';
import { cachedPoolIndex } from './pool-index-cache.js';
import { retrieveCandidates } from './retrieve-candidates.js';

function pool() {
  return ['Cariste', 'Soudeur', 'Serveur', 'Cariste magasinier'].map((title, position) =>
    makeProfile(`cv_${position}`, { headline: title, titles: [title], skills: ['inventaire'] }),
  );
}
const embeddedInputs = (model: { calls: string[][] }) => model.calls.flat().length;

describe('cachedPoolIndex', () => {
  it('reuses the index of the same unchanged array: profiles are embedded once', async () => {
    const profiles = pool();
    const embeddingModel = createFakeEmbeddingModel();
    const first = await cachedPoolIndex(profiles, { embeddingModel });
    expect(embeddedInputs(embeddingModel)).toBe(profiles.length);
    expect(await cachedPoolIndex(profiles, { embeddingModel })).toBe(first);
    expect(embeddedInputs(embeddingModel)).toBe(profiles.length);
    // Another model, or no model, gets its own index.
    const lexical = await cachedPoolIndex(profiles);
    expect(lexical).not.toBe(first);
    expect(lexical.embedding).toBeNull();
    // A copy of the array is another pool.
    expect(await cachedPoolIndex([...profiles], { embeddingModel })).not.toBe(first);
  });

  it('rebuilds when a profile is changed in place, replaced, added or removed', async () => {
    const profiles = pool();
    const first = await cachedPoolIndex(profiles);
    (profiles[1] as (typeof profiles)[number]).skills.push({ name: 'chargement' });
    const afterEdit = await cachedPoolIndex(profiles);
    expect(afterEdit).not.toBe(first);
    expect(afterEdit.lexical.search('chargement')[0]?.id).toBe('cv_1');
    profiles[2] = makeProfile('cv_9', { headline: 'Électricien' });
    const afterReplace = await cachedPoolIndex(profiles);
    expect(afterReplace).not.toBe(afterEdit);
    expect(afterReplace.has('cv_9')).toBe(true);
    expect(afterReplace.has('cv_2')).toBe(false);
    profiles.pop();
    const afterRemove = await cachedPoolIndex(profiles);
    expect(afterRemove.size).toBe(3);
    expect(await cachedPoolIndex(profiles)).toBe(afterRemove);
  });

  it('keeps rankCandidates and retrieveCandidates results identical on repeated calls', async () => {
    const profiles = pool();
    const embeddingModel = createFakeEmbeddingModel();
    const job = makeJob({ title: 'Cariste', requiredSkills: ['inventaire'] });
    const once = await rankCandidates(job, profiles, { embeddingModel, now: '2026-11-01' });
    const embedded = embeddedInputs(embeddingModel);
    const twice = await rankCandidates(job, profiles, { embeddingModel, now: '2026-11-01' });
    expect(twice).toEqual(once);
    // Only the job order was embedded again.
    expect(embeddedInputs(embeddingModel)).toBe(embedded + 1);
    const retrieved = await retrieveCandidates(job, profiles, { embeddingModel });
    expect(await retrieveCandidates(job, profiles, { embeddingModel })).toEqual(retrieved);
    // A changed headline changes the ranking input: the edited profile is found by its new words.
    (profiles[1] as (typeof profiles)[number]).headline = 'Cariste';
    const edited = await retrieveCandidates(job, profiles, { embeddingModel, topK: 4 });
    expect(edited.find((hit) => hit.candidateId === 'cv_1')?.lexical).toBeGreaterThan(0);
  });
});
