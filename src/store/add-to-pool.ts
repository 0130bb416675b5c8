import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { CandidateProfile } from '../domain/candidate.js';
import { embedTexts, profileSearchText } from '../matching/retrieve/index.js';
import { readDocumentFile } from '../parsing/extract/read-document-file.js';
import { defaultExtractionLimits } from '../parsing/extract/types.js';
import { failureReason, parseCvs } from '../parsing/parse-cv.js';
import { type InputFailure, readProfilesJsonl } from '../parsing/read-candidate-dataset.js';
import type { EmbeddingModel } from '../providers/spec.js';
import type { Store } from './open-store.js';
import { assertPoolName } from './pool-repository.js';
import { modelKey, type ProfileInput } from './profile-repository.js';

/** What happened to one input of `addToPool`. */
export type AddToPoolItem =
  | { file: string; status: 'stored'; profileId: string }
  | { file: string; status: 'unchanged'; profileId: string | null }
  | { file: string; status: 'failed'; reason: string; message: string };

export interface AddToPoolOptions {
  /** Vectors are stored for this model (default: none, the pool is then lexical only). */
  embeddingModel?: EmbeddingModel;
  /** Reference date for parsing (`YYYY-MM-DD`), as in `parseCv`. */
  now?: string;
  /** CVs parsed at once (default 4). */
  concurrency?: number;
  /** Inputs parsed, embedded and committed together (default 16): a crash loses at most one batch. */
  batchSize?: number;
  signal?: AbortSignal;
  /** After each committed batch. */
  onProgress?: (progress: {
    done: number;
    total: number;
    stored: number;
    unchanged: number;
    failed: number;
  }) => void;
  /** For each input, as soon as its fate is known. */
  onItem?: (item: AddToPoolItem) => void;
}

export interface AddToPoolReport {
  pool: string;
  stored: number;
  unchanged: number;
  failed: number;
  items: AddToPoolItem[];
}

interface Source {
  file: string;
  hash: string;
  bytes?: Uint8Array;
  profile?: CandidateProfile;
  sourcePath: string | null;
}

function sha256(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Reads the inputs: a CV file is one source; a `.jsonl` file gives one source per valid line. */
async function readSources(file: string, items: AddToPoolItem[]): Promise<Source[]> {
  if (extname(file).toLowerCase() === '.jsonl') {
    const failures: InputFailure[] = [];
    const profiles = await readProfilesJsonl(file, failures).catch((error: unknown) => {
      failures.push({ file, reason: unreadable(error), message: String(error) });
      return [];
    });
    for (const failure of failures) items.push({ status: 'failed', ...failure });
    return profiles.map((profile) => ({
      file: `${file}#${profile.id}`,
      hash: sha256(JSON.stringify(profile)),
      profile,
      sourcePath: null,
    }));
  }
  try {
    // Refused unread past the size limit, like `parseCv`.
    const bytes = await readDocumentFile(file, defaultExtractionLimits.maxBytes);
    return [{ file, hash: sha256(bytes), bytes, sourcePath: file }];
  } catch (error) {
    items.push({ file, status: 'failed', reason: failureReason(error), message: String(error) });
    return [];
  }
}

function unreadable(error: unknown): string {
  return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not-found' : 'unreadable';
}

/**
 * Parses CVs (or reads profiles from `.jsonl`), embeds their work fields and stores them in `pool`,
 * incrementally: a source whose SHA-256 is already in the pool is skipped without parsing. Each batch
 * is committed in one transaction, so a process killed midway leaves whole profiles only, and running
 * the same command again resumes where it stopped. A bad file is reported and the batch goes on.
 */
export async function addToPool(
  store: Store,
  pool: string,
  files: string[],
  options: AddToPoolOptions = {},
): Promise<AddToPoolReport> {
  assertPoolName(pool);
  await store.pools.ensure(pool);
  const known = await store.profiles.sourceHashes(pool);
  const batchSize = Math.max(1, options.batchSize ?? 16);
  const model = options.embeddingModel;
  const items: AddToPoolItem[] = [];
  const counts = { stored: 0, unchanged: 0, failed: 0 };
  const report = (item: AddToPoolItem) => {
    items.push(item);
    counts[item.status === 'stored' ? 'stored' : item.status === 'unchanged' ? 'unchanged' : 'failed']++;
    options.onItem?.(item);
  };
  /** Parses, embeds and commits one chunk of sources (one transaction). */
  const commitChunk = async (sources: Source[]): Promise<void> => {
    const fresh: Source[] = [];
    for (const source of sources) {
      if (known.has(source.hash))
        report({ file: source.file, status: 'unchanged', profileId: source.profile?.id ?? null });
      else {
        known.add(source.hash);
        fresh.push(source);
      }
    }
    const parsed = await parseCvs(
      fresh.flatMap((source) => (source.bytes ? [{ file: source.file, bytes: source.bytes }] : [])),
      {
        onError: 'collect',
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        ...(options.now ? { now: options.now } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
    const ready: { source: Source; profile: CandidateProfile }[] = [];
    let next = 0;
    for (const source of fresh) {
      if (source.profile) {
        ready.push({ source, profile: source.profile });
        continue;
      }
      const item = parsed[next++];
      if (item && 'profile' in item) ready.push({ source, profile: item.profile });
      else if (item) {
        known.delete(source.hash);
        report({
          file: source.file,
          status: 'failed',
          reason: item.error.reason,
          message: item.error.message,
        });
      }
    }
    const texts = ready.map(({ profile }) => profileSearchText(profile));
    const embeddable = texts.flatMap((text, index) => (text.trim().length > 0 ? [index] : []));
    const vectors = model
      ? await embedTexts(
          embeddable.map((index) => texts[index] as string),
          model,
          options.signal ? { signal: options.signal } : {},
        )
      : [];
    const vectorOf = new Map(embeddable.map((index, position) => [index, vectors[position]]));
    const inputs: ProfileInput[] = ready.map(({ source, profile }, index) => {
      const vector = vectorOf.get(index);
      return {
        profile,
        sourceHash: source.hash,
        sourcePath: source.sourcePath,
        embedding: model && vector ? { model: modelKey(model), input: texts[index] as string, vector } : null,
      };
    });
    if (inputs.length > 0) {
      await store.transaction(async (tx) => {
        await tx.profiles.putMany(pool, inputs);
        await tx.pools.touch(pool);
      });
    }
    for (const { source, profile } of ready)
      report({ file: source.file, status: 'stored', profileId: profile.id });
  };
  for (let start = 0; start < files.length; start += batchSize) {
    options.signal?.throwIfAborted();
    const readItems: AddToPoolItem[] = [];
    const sources = (
      await Promise.all(files.slice(start, start + batchSize).map((file) => readSources(file, readItems)))
    ).flat();
    for (const item of readItems) report(item);
    // A .jsonl file may hold thousands of profiles: commit them batchSize at a time too.
    for (let first = 0; first < sources.length; first += batchSize) {
      await commitChunk(sources.slice(first, first + batchSize));
    }
    options.onProgress?.({ done: Math.min(files.length, start + batchSize), total: files.length, ...counts });
  }
  // Fresh planner statistics after bulk changes (PGlite has no autovacuum to gather them).
  if (counts.stored > 0) await store.sql.exec('ANALYZE pools, profiles, embeddings');
  return { pool, ...counts, items };
}
