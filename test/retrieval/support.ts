import type { CandidateProfile } from '../../src/domain/candidate.js';
import type { JobOrder, JobOrderInput } from '../../src/domain/job-order.js';
import { jobOrderSchema } from '../../src/domain/job-order.js';
import type { EmbeddingModel } from '../../src/providers/spec.js';
import { createRandom } from '../../src/support/create-random.js';
import { terms } from '../../src/text/index.js';

export { createRandom };

/** A synthetic profile with only the fields retrieval reads filled in. */
export function makeProfile(
  id: string,
  fields: {
    headline?: string;
    titles?: string[];
    skills?: string[];
    certifications?: string[];
    licences?: string[];
    name?: string;
    email?: string;
    phone?: string;
    city?: string;
    language?: 'fr' | 'en';
  } = {},
): CandidateProfile {
  return {
    id,
    source: { file: `${id}.txt`, format: 'txt', pages: 1, language: fields.language ?? 'fr' },
    name: fields.name ?? null,
    email: fields.email ?? null,
    phone: fields.phone ?? null,
    location: fields.city
      ? { city: fields.city, postalCode: null, country: 'FR', lat: null, lon: null }
      : null,
    headline: fields.headline ?? null,
    experiences: (fields.titles ?? []).map((title) => ({
      title,
      company: 'Entreprise Exemple',
      location: fields.city ?? null,
      start: '2020-01',
      end: null,
      current: true,
      description: '',
      occupation: null,
    })),
    education: [],
    skills: (fields.skills ?? []).map((name) => ({ name })),
    certifications: (fields.certifications ?? []).map((code) => ({ code, label: code })),
    drivingLicences: fields.licences ?? [],
    languages: [],
    availability: null,
    mobility: null,
    totalExperienceMonths: 0,
    warnings: [],
    confidence: {},
    sources: {},
    text: [fields.name, fields.email, fields.phone, fields.city, fields.headline].filter(Boolean).join('\n'),
    sensitive: null,
  };
}

export function makeJob(input: Partial<JobOrderInput> & { title: string }): JobOrder {
  return jobOrderSchema.parse({ id: 'job-test', ...input });
}

/**
 * A tiny deterministic embedding model for tests: hashed bag of stemmed terms (plus a constant
 * component so no text maps to the zero vector). Texts sharing terms get a higher cosine.
 */
export function createFakeEmbeddingModel(
  options: {
    dimensions?: number;
    modelId?: string;
    maxInputsPerCall?: number;
    /** Inputs that get an all-zero vector, as a real model may for text with nothing to embed. */
    zeroFor?: (input: string) => boolean;
  } = {},
): EmbeddingModel & { calls: string[][] } {
  const dimensions = options.dimensions ?? 64;
  const calls: string[][] = [];
  return {
    specificationVersion: 'v1',
    provider: 'fake',
    modelId: options.modelId ?? 'fake-bag-of-words',
    dimensions,
    maxInputsPerCall: options.maxInputsPerCall ?? 3,
    calls,
    async embed({ inputs }) {
      calls.push(inputs);
      const vectors = inputs.map((input) => {
        const vector = new Float32Array(dimensions);
        if (options.zeroFor?.(input)) return vector;
        vector[0] = 0.05;
        for (const term of terms(input)) {
          let hash = 2_166_136_261;
          for (let index = 0; index < term.length; index++)
            hash = Math.imul(hash ^ term.charCodeAt(index), 16_777_619);
          const slot = 1 + ((hash >>> 0) % (dimensions - 1));
          vector[slot] = (vector[slot] ?? 0) + 1;
        }
        return vector;
      });
      return { vectors, usage: { inputTokens: inputs.join(' ').length, outputTokens: 0 } };
    },
  };
}
