import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFakeEmbeddingModel, makeJob, makeProfile } from '../../../test/retrieval/support.js';
import { ProviderError, ValidationError } from '../../errors.js';
import type { EmbeddingModel } from '../../providers/spec.js';
import { buildPoolIndex, loadPoolIndex, savePoolIndex } from './pool-index.js';
import { retrieveCandidates } from './retrieve-candidates.js';

const directory = await mkdtemp(join(tmpdir(), 'cvmatch-pool-'));
afterAll(() => rm(directory, { recursive: true, force: true }));

const occupations = [
  'Cariste',
  'Soudeur',
  'Serveur',
  'Électricien',
  'Aide-soignant',
  'Agent de propreté',
  'Chauffeur PL',
];
const profiles = Array.from({ length: 40 }, (_, position) =>
  makeProfile(`cv_${String(position).padStart(2, '0')}`, {
    headline: occupations[position % occupations.length] as string,
    titles: [occupations[(position * 3) % occupations.length] as string],
    skills: position % 2 === 0 ? ['chargement', 'inventaire'] : ['nettoyage'],
    name: `Personne ${position}`,
  }),
);
const job = makeJob({ title: 'Cariste', requiredSkills: ['chargement'] });

describe('pool index', () => {
  it('embeds in batches of maxInputsPerCall and reports progress up to the total', async () => {
    const embeddingModel = createFakeEmbeddingModel({ maxInputsPerCall: 16 });
    const progress: number[] = [];
    const index = await buildPoolIndex(profiles, {
      embeddingModel,
      onProgress: ({ done }) => progress.push(done),
    });
    expect(embeddingModel.calls.map((inputs) => inputs.length)).toEqual([16, 16, 8]);
    expect(Math.max(...progress)).toBe(40);
    expect(index.size).toBe(40);
    expect(index.vectors?.size).toBe(40);
    expect(index.lexical.size).toBe(40);
  });

  it('keeps a profile whose vector is all zeros, without a semantic score, through save and load', async () => {
    const weak = makeProfile('cv_weak', { headline: 'Zzz', skills: ['chargement'] });
    const embeddingModel = createFakeEmbeddingModel({
      zeroFor: (input) => input.startsWith('Zzz'),
    });
    const index = await buildPoolIndex([...profiles.slice(0, 5), weak], { embeddingModel });
    expect(index.size).toBe(6);
    expect(index.hasVector('cv_weak')).toBe(false);
    expect(index.hasVector('cv_00')).toBe(true);
    const hits = await retrieveCandidates(job, index, { embeddingModel, topK: 6 });
    const hit = hits.find((item) => item.candidateId === 'cv_weak');
    expect(hit?.semantic).toBeNull();
    expect(hit?.lexical).toBeGreaterThan(0);
    const file = join(directory, 'weak.idx');
    await savePoolIndex(index, file);
    const loaded = await loadPoolIndex(file, { embeddingModel });
    expect(loaded.hasVector('cv_weak')).toBe(false);
    expect(loaded.hasVector('cv_00')).toBe(true);
  });

  it('saves and loads with profiles, vectors and BM25, giving the same retrieval', async () => {
    const embeddingModel = createFakeEmbeddingModel();
    const index = await buildPoolIndex(profiles, { embeddingModel });
    index.remove('cv_05');
    const file = join(directory, 'pool.cvmidx');
    await savePoolIndex(index, file);
    const loaded = await loadPoolIndex(file, { embeddingModel });
    expect(loaded.size).toBe(39);
    expect(loaded.get('cv_07')).toEqual(index.get('cv_07'));
    expect(loaded.has('cv_05')).toBe(false);
    const before = await retrieveCandidates(job, index, { embeddingModel, topK: 10 });
    const after = await retrieveCandidates(job, loaded, { embeddingModel, topK: 10 });
    expect(after.map((hit) => hit.candidateId)).toEqual(before.map((hit) => hit.candidateId));
    after.forEach((hit, position) => {
      expect(hit.score).toBeCloseTo((before[position] as { score: number }).score, 6);
    });

    await expect(
      loadPoolIndex(file, { embeddingModel: createFakeEmbeddingModel({ dimensions: 32 }) }),
    ).rejects.toMatchObject({
      name: 'IndexError',
      reason: 'dimensions',
    });
    await expect(
      loadPoolIndex(file, { embeddingModel: createFakeEmbeddingModel({ modelId: 'other' }) }),
    ).rejects.toMatchObject({
      reason: 'model',
    });
  });

  it('passes searchThreads to the vector search, built or loaded, with the same retrieval; close() stops them', async () => {
    const embeddingModel = createFakeEmbeddingModel({ dimensions: 64 });
    const single = await buildPoolIndex(profiles, { embeddingModel });
    const threaded = await buildPoolIndex(profiles, { embeddingModel, searchThreads: 2 });
    expect(single.vectors?.threads).toBe(1);
    expect(threaded.vectors?.threads).toBe(2);
    const file = join(directory, 'threads.cvmidx');
    await savePoolIndex(threaded, file);
    const loaded = await loadPoolIndex(file, { embeddingModel, searchThreads: 2 });
    expect(loaded.vectors?.threads).toBe(2);
    const expected = await retrieveCandidates(job, single, { embeddingModel, topK: 10 });
    for (const index of [threaded, loaded]) {
      const hits = await retrieveCandidates(job, index, { embeddingModel, topK: 10 });
      expect(hits).toEqual(expected);
      await index.close();
      expect(index.vectors?.threads).toBe(1);
    }
    await expect(buildPoolIndex(profiles, { embeddingModel, searchThreads: 0 })).rejects.toBeInstanceOf(
      RangeError,
    );
  });

  it('loads BM25 as stored and decodes a profile when first read; refuses format 1 and damaged lines', async () => {
    const file = join(directory, 'lazy.cvmidx');
    const built = await buildPoolIndex(profiles);
    await savePoolIndex(built, file);
    const loaded = await loadPoolIndex(file);
    expect(loaded.size).toBe(profiles.length);
    expect(loaded.lexical.idList).toEqual(built.lexical.idList);
    expect(loaded.lexical.search('cariste chargement', { k: 40 })).toEqual(
      built.lexical.search('cariste chargement', { k: 40 }),
    );
    expect(loaded.get('cv_07')).toEqual(profiles[7]);
    expect(loaded.profiles()).toEqual(built.profiles());

    const bytes = await readFile(file);
    const older = join(directory, 'format-1.cvmidx');
    await writeFile(
      older,
      Buffer.from(bytes.toString('latin1').replace('"version":2', '"version":1'), 'latin1'),
    );
    await expect(loadPoolIndex(older)).rejects.toMatchObject({
      name: 'IndexError',
      reason: 'version',
      message: expect.stringContaining('rebuild it with `cvmatch index build`'),
    });

    // A damaged profile line is found when that profile is read (loading reads none).
    const damaged = join(directory, 'damaged.cvmidx');
    await writeFile(
      damaged,
      Buffer.from(bytes.toString('latin1').replace('"id":"cv_03"', '"id":"cv_3x"'), 'latin1'),
    );
    const partly = await loadPoolIndex(damaged);
    expect(partly.get('cv_02')?.id).toBe('cv_02');
    expect(() => partly.get('cv_03')).toThrow(
      expect.objectContaining({ name: 'IndexError', reason: 'corrupt' }),
    );
  });

  it('saves and loads a lexical-only index', async () => {
    const index = await buildPoolIndex(profiles.slice(0, 10));
    const file = join(directory, 'lexical.cvmidx');
    await savePoolIndex(index, file);
    const loaded = await loadPoolIndex(file);
    expect(loaded.embedding).toBeNull();
    expect(await retrieveCandidates(job, loaded, { topK: 10 })).toEqual(
      await retrieveCandidates(job, index, { topK: 10 }),
    );
    await expect(loadPoolIndex(file, { embeddingModel: createFakeEmbeddingModel() })).rejects.toMatchObject({
      reason: 'no-vectors',
    });
  });

  it('adds and removes profiles incrementally: same results as a fresh build', async () => {
    const embeddingModel = createFakeEmbeddingModel();
    const incremental = await buildPoolIndex(profiles.slice(0, 20), { embeddingModel });
    await incremental.add(profiles.slice(20), { embeddingModel });
    for (const id of ['cv_00', 'cv_14', 'cv_39']) expect(incremental.remove(id)).toBe(true);
    const remaining = profiles.filter((profile) => !['cv_00', 'cv_14', 'cv_39'].includes(profile.id));
    const fresh = await buildPoolIndex(remaining, { embeddingModel });
    expect(await retrieveCandidates(job, incremental, { embeddingModel, topK: 37 })).toEqual(
      await retrieveCandidates(job, fresh, { embeddingModel, topK: 37 }),
    );
    await expect(incremental.add(profiles.slice(0, 1))).rejects.toMatchObject({ reason: 'no-vectors' });
  });

  it('rejects duplicate ids and a provider that returns too few vectors', async () => {
    await expect(buildPoolIndex([profiles[0], profiles[0]] as never)).rejects.toBeInstanceOf(ValidationError);
    const model = createFakeEmbeddingModel();
    const broken: EmbeddingModel = {
      ...model,
      embed: async (request) => {
        const result = await model.embed(request);
        return { ...result, vectors: result.vectors.slice(1) };
      },
    };
    await expect(buildPoolIndex(profiles.slice(0, 3), { embeddingModel: broken })).rejects.toBeInstanceOf(
      ProviderError,
    );
  });
});

describe('pool index slots', () => {
  it('keeps vector and BM25 slots aligned through replace and remove', async () => {
    const embeddingModel = createFakeEmbeddingModel();
    const index = await buildPoolIndex(profiles.slice(0, 10), { embeddingModel });
    index.remove('cv_02');
    await index.add([{ ...(profiles[5] as (typeof profiles)[0]), headline: 'Soudeur' }], { embeddingModel });
    index.remove('cv_09');
    expect(index.vectors?.idList).toEqual(index.lexical.idList);
    expect(index.profiles().map((profile) => profile.id)).toEqual(index.lexical.idList);
    expect(index.get('cv_05')?.headline).toBe('Soudeur');
  });
});

describe('pool index, large additions', () => {
  it('embeds and inserts chunk by chunk, with progress over the whole pool', async () => {
    const many = Array.from({ length: 5000 }, (_, position) =>
      makeProfile(`cv_${String(position).padStart(4, '0')}`, {
        headline: occupations[position % occupations.length] as string,
      }),
    );
    const embeddingModel = createFakeEmbeddingModel({ maxInputsPerCall: 1000 });
    const progress: number[] = [];
    const index = await buildPoolIndex(many, {
      embeddingModel,
      concurrency: 1,
      onProgress: ({ done, total }) => {
        expect(total).toBe(5000);
        progress.push(done);
      },
    });
    // First chunk: 4,096 profiles in calls of ≤ 1,000; second chunk: the 904 left.
    expect(embeddingModel.calls.map((inputs) => inputs.length)).toEqual([1000, 1000, 1000, 1000, 96, 904]);
    expect(progress).toEqual([1000, 2000, 3000, 4000, 4096, 5000]);
    expect(index.size).toBe(5000);
    expect(index.vectors?.idList).toEqual(index.lexical.idList);
  });
});
