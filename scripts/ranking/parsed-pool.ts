/**
 * Parses a folder of labelled CVs (`<root>/<CATEGORY>/*.pdf`) with cvmatch's own parser, caching each
 * profile on disk so that reruns are fast. The cache key is the SHA-256 of the file's bytes, the package
 * version and a fingerprint of the parser's source files, so a parser change invalidates it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CandidateProfile, candidateProfileSchema } from '../../src/domain/index.js';
import { DocumentError } from '../../src/errors.js';
import { parseCv } from '../../src/parsing/index.js';
import { VERSION } from '../../src/version.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Gitignored (`.cvmatch-cache/`). */
export const DEFAULT_CACHE_DIR = join(REPO_ROOT, '.cvmatch-cache', 'eval-ranking');
/** Source folders whose code does not change what `parseCv` returns. */
const NOT_PARSER = ['matching', 'screening', 'cli', 'eval', 'providers'];

/** One labelled CV: its category (folder name), its key (file stem) and the parsed profile. */
export interface LabelledCv {
  category: string;
  key: string;
  file: string;
  profile: CandidateProfile;
}

export interface ParsedPool {
  /** Every PDF found, parsed or not: relevance comes from the folder, not from parsing. */
  documents: { category: string; key: string }[];
  cvs: LabelledCv[];
  failures: { file: string; message: string }[];
  /** How many profiles came from the cache. */
  cached: number;
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Hash of the package version and every source file that can change a parsed profile. */
export async function parserFingerprint(): Promise<string> {
  const source = join(REPO_ROOT, 'src');
  const hash = createHash('sha256').update(VERSION);
  for (const file of await listFiles(source)) {
    const top = relative(source, file).split(/[\\/]/)[0] ?? '';
    if (NOT_PARSER.includes(top)) continue;
    hash.update(relative(source, file)).update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Parses every PDF of `<root>/<CATEGORY>/` (categories and files in name order), language detected as
 * the CLI does. A document the parser refuses (`DocumentError`) is reported in `failures`, not thrown.
 */
export async function readParsedPool(
  root: string,
  options: { now: string; cacheDir?: string | null; onProgress?: (done: number, total: number) => void },
): Promise<ParsedPool> {
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  const fingerprint = await parserFingerprint();
  const categories = (await readdir(root, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const files = [];
  for (const category of categories) {
    const names = (await readdir(join(root, category))).filter((name) => name.toLowerCase().endsWith('.pdf'));
    for (const name of names.sort()) files.push({ category, file: join(root, category, name), name });
  }
  const pool: ParsedPool = { documents: [], cvs: [], failures: [], cached: 0 };
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  for (const [position, item] of files.entries()) {
    const bytes = await readFile(item.file);
    const key = item.name.replace(/\.pdf$/i, '');
    pool.documents.push({ category: item.category, key });
    const digest = createHash('sha256').update(bytes).digest('hex');
    const cacheFile = cacheDir ? join(cacheDir, `${digest}-${options.now}-${fingerprint}.json`) : null;
    let profile: CandidateProfile | null = null;
    if (cacheFile) {
      const text = await readFile(cacheFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (text !== null) {
        profile = candidateProfileSchema.parse(JSON.parse(text));
        pool.cached++;
      }
    }
    if (!profile) {
      try {
        profile = (await parseCv(new Uint8Array(bytes), { file: item.name, now: options.now })).profile;
      } catch (error) {
        if (!(error instanceof DocumentError)) throw error;
        pool.failures.push({ file: item.file, message: error.message });
        continue;
      }
      if (cacheFile) {
        await writeFile(`${cacheFile}.tmp`, JSON.stringify(profile));
        await rename(`${cacheFile}.tmp`, cacheFile);
      }
    }
    pool.cvs.push({ category: item.category, key, file: item.file, profile });
    options.onProgress?.(position + 1, files.length);
  }
  return pool;
}
