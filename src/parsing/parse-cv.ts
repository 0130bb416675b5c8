import { createHash } from 'node:crypto';
import { type CandidateProfile, candidateProfileSchema, type Warning } from '../domain/index.js';
import { CvmatchError, DocumentError, ValidationError } from '../errors.js';
import type { ChatModel } from '../providers/spec.js';
import { limitConcurrency } from '../support/limit-concurrency.js';
import { extractDocument } from './extract/index.js';
import { extractDocumentIsolated, prestartExtractionWorker } from './extract/isolated-extraction.js';
import { readDocumentFile } from './extract/read-document-file.js';
import { documentFromText } from './extract/text-document.js';
import { defaultExtractionLimits, type ExtractedDocument, type ExtractionLimits } from './extract/types.js';
import { extractProfile } from './profile/extract-profile.js';
import { refineWithModel } from './profile/llm-refine.js';
import { defaultTaxonomy, loadProfileTables } from './profile/taxonomy-lookups.js';
import { rejectDataFile, rejectEmptyProfile } from './reject-non-cv.js';

/** Options of `parseCv` and `parseCvText`. */
export interface ParseCvOptions {
  /** File name, for the profile's `source.file` and error messages (defaults to the path when given one). */
  file?: string;
  /** Reference date for "aujourd'hui"/"Present" and relative availability dates (`Date` or `YYYY-MM-DD`). Default: today. */
  now?: Date | string;
  /** Extraction limits (size, pages, time). */
  limits?: Partial<ExtractionLimits>;
  signal?: AbortSignal;
  /** Optional chat model: its structured answer is merged field by field; values not found in the text are refused. */
  model?: ChatModel;
  /** Main language (`fr`/`en`); detected from the text when absent. */
  language?: string;
  /**
   * Where documents are read. `worker` (default): in a worker process that is terminated when it passes
   * `limits.timeoutMs` (`ParseTimeoutError`; CPU time on Linux, with a wall-clock backstop of 4 times the
   * limit), with a capped heap and resident memory; `in-process`: in the calling thread, where the time limit
   * (wall time) is checked between units of work only (a single huge step can run past it).
   */
  isolation?: 'worker' | 'in-process';
}

/** A parsed CV: the profile (which also carries the warnings) and the warnings. */
export interface ParseCvResult {
  profile: CandidateProfile;
  warnings: Warning[];
}

function resolveNow(now: Date | string | undefined): Date {
  if (now === undefined) return new Date();
  if (now instanceof Date) return now;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(now) || Number.isNaN(Date.parse(now))) {
    throw new ValidationError(`Invalid "now" date ${JSON.stringify(now)}: expected YYYY-MM-DD.`, {
      issues: [{ path: ['now'], message: 'expected YYYY-MM-DD' }],
    });
  }
  return new Date(`${now}T00:00:00Z`);
}

/** `cv_` + the first 16 hex characters of the SHA-256 of the given bytes or text. */
export function profileId(content: Uint8Array | string): string {
  return `cv_${createHash('sha256').update(content).digest('hex').slice(0, 16)}`;
}

async function finish(
  document: ExtractedDocument,
  id: string,
  file: string | null,
  options: ParseCvOptions,
): Promise<ParseCvResult> {
  const now = resolveNow(options.now);
  rejectDataFile(document, file);
  let profile = extractProfile(document, {
    id,
    file,
    now,
    taxonomy: defaultTaxonomy,
    ...(options.language ? { language: options.language } : {}),
  });
  if (options.model) {
    profile = await refineWithModel(profile, options.model, {
      now,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }
  const parsed = candidateProfileSchema.safeParse(profile);
  if (!parsed.success) {
    throw new ValidationError(`The parsed profile does not match the schema (${file ?? id}).`, {
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
        message: issue.message,
      })),
      cause: parsed.error,
    });
  }
  rejectEmptyProfile(parsed.data, file);
  return { profile: parsed.data, warnings: parsed.data.warnings };
}

/**
 * Parses a CV (PDF, DOCX, TXT… detected from its bytes) into a `CandidateProfile`. `input` is a file path
 * or the file's bytes. The profile `id` is `cv_` + 16 hex characters of the SHA-256 of the file's bytes.
 * Fails with `DocumentError` when the document cannot be read (`no-text`, `encrypted`, `corrupt`…) or is not a
 * CV (`unsupported`: JSON, or no name, contact, headline, experience, education, certificate or licence found), and with
 * `CvmatchError` (the file-system error as `cause`) when the file cannot be opened.
 */
export async function parseCv(
  input: string | Uint8Array,
  options: ParseCvOptions = {},
): Promise<ParseCvResult> {
  let bytes: Uint8Array;
  let file = options.file ?? null;
  if (typeof input === 'string') {
    file ??= input;
    // The size is checked before reading: a file past `limits.maxBytes` is refused unread.
    bytes = await readDocumentFile(input, options.limits?.maxBytes ?? defaultExtractionLimits.maxBytes);
  } else bytes = input;
  const isolated = options.isolation !== 'in-process';
  // Cold start: the extraction process boots (~0.3 s of its own) while this one loads the tables the profile
  // needs, instead of one after the other. Loading ends before the document is sent, so it never counts
  // against the extraction's time limit.
  if (isolated && prestartExtractionWorker()) loadProfileTables();
  const extract = isolated ? extractDocumentIsolated : extractDocument;
  const document = await extract(bytes, {
    ...(file ? { file } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return finish(document, profileId(bytes), file, options);
}

/**
 * Parses already-extracted CV text (one line per `\n`). The profile `id` hashes the text.
 * Fails with `DocumentError('no-text')` on blank text.
 */
export async function parseCvText(text: string, options: ParseCvOptions = {}): Promise<ParseCvResult> {
  const document = documentFromText(text);
  if (document.text.length === 0)
    throw new DocumentError('no-text', 'The text is empty.', { file: options.file ?? null });
  return finish(document, profileId(document.text), options.file ?? null, options);
}

/** One input of `parseCvs`: a path, or bytes with a name. */
export type ParseCvsInput = string | { file: string; bytes: Uint8Array };

/** One result of `parseCvs`, in input order. */
export type ParseCvsItem =
  | { file: string; profile: CandidateProfile; warnings: Warning[] }
  | { file: string; error: { reason: string; message: string } };

export interface ParseCvsOptions extends Omit<ParseCvOptions, 'file'> {
  /** Documents parsed at the same time. Default 4. */
  concurrency?: number;
  /** `throw`: the first failure rejects; `collect` (default): failures become `{ file, error }` items. */
  onError?: 'throw' | 'collect';
  /** Called after each document (done counts finished documents, failed ones included). */
  onProgress?: (progress: { done: number; total: number; file: string; ok: boolean }) => void;
}

/**
 * Why a document failed, for batch output: a `DocumentError` reason, `not-found`/`unreadable` (file system),
 * `invalid` (profile failed its schema), `aborted`, or `error`.
 */
export function failureReason(error: unknown): string {
  if (error instanceof DocumentError) return error.reason;
  const code =
    error instanceof CvmatchError ? (error.cause as NodeJS.ErrnoException | undefined)?.code : undefined;
  if (code !== undefined) return code === 'ENOENT' ? 'not-found' : 'unreadable';
  if (error instanceof ValidationError) return 'invalid';
  if (error instanceof Error && error.name === 'AbortError') return 'aborted';
  if (error instanceof CvmatchError) return error.name;
  return 'error';
}

/** Parses many CVs with bounded concurrency; a bad file never stops the batch unless `onError: 'throw'`. */
export async function parseCvs(
  inputs: ParseCvsInput[],
  options: ParseCvsOptions = {},
): Promise<ParseCvsItem[]> {
  const { concurrency = 4, onError = 'collect', onProgress, ...parseOptions } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new ValidationError(`concurrency must be a positive integer, got ${concurrency}.`, {
      issues: [{ path: ['concurrency'], message: 'expected a positive integer' }],
    });
  }
  const limit = limitConcurrency(concurrency);
  let done = 0;
  const parseOne = async (input: ParseCvsInput): Promise<ParseCvsItem> => {
    const file = typeof input === 'string' ? input : input.file;
    parseOptions.signal?.throwIfAborted();
    try {
      const result =
        typeof input === 'string'
          ? await parseCv(input, parseOptions)
          : await parseCv(input.bytes, { ...parseOptions, file });
      done++;
      onProgress?.({ done, total: inputs.length, file, ok: true });
      return { file, profile: result.profile, warnings: result.warnings };
    } catch (error) {
      if (onError === 'throw') throw error;
      done++;
      onProgress?.({ done, total: inputs.length, file, ok: false });
      return {
        file,
        error: { reason: failureReason(error), message: (error as Error).message ?? String(error) },
      };
    }
  };
  // The first document runs alone: it loads the PDF library, the taxonomy and the commune tables, which
  // block the event loop and would otherwise eat into the other documents' extraction time limits.
  const [first, ...rest] = inputs;
  if (first === undefined) return [];
  const head = await parseOne(first);
  return [head, ...(await Promise.all(rest.map((input) => limit(() => parseOne(input)))))];
}
