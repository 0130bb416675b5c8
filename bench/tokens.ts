/**
 * How close cvmatch's token estimate (`estimateTokens`, used to plan LLM batches and limits before any
 * call) comes to real tokenizers: OpenAI's o200k_base (GPT-4o, GPT-4.1, GPT-5) and cl100k_base (GPT-4,
 * text-embedding-3), counted with js-tiktoken (a dev dependency: the package itself ships no tokenizer).
 * Texts: English resumes (../shared/data/dev/dotin-resume-ner, tags stripped) and French ones (the synthetic
 * fixtures in fixtures/cvs, extracted), plus the job orders in fixtures/jobs. Each text goes to the dev or the
 * held-out half by the sha256 of its id (1 in 4 held out); the estimate's coefficients were fitted on dev only.
 * Reports the mean and the worst relative error per language, dev and held-out, next to the former
 * characters/3 and characters/4 rules. Run: `npx tsx bench/tokens.ts`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getEncoding } from 'js-tiktoken';
import { extractDocument } from '../src/parsing/extract/index.js';
import { estimateTokens } from '../src/text/index.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const dotin = path.join(root, '../shared/data/dev/dotin-resume-ner');

interface Sample {
  id: string;
  language: 'en' | 'fr';
  text: string;
}

const isHeldOut = (id: string) => (createHash('sha256').update(id).digest()[0] ?? 0) < 64;

async function samples(): Promise<Sample[]> {
  const result: Sample[] = [];
  if (existsSync(dotin)) {
    for (const name of readdirSync(dotin).sort()) {
      if (!name.endsWith('.xml')) continue;
      const text = readFileSync(path.join(dotin, name), 'utf8')
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .trim();
      if (text.length > 200) result.push({ id: `dotin/${name}`, language: 'en', text });
    }
  }
  const cvs = path.join(root, 'fixtures/cvs');
  for (const name of readdirSync(cvs).sort()) {
    if (!/\.(?:pdf|docx|txt)$/.test(name)) continue;
    const document = await extractDocument(new Uint8Array(readFileSync(path.join(cvs, name))), {
      file: name,
    });
    const language = /-(?:en|english)\b|^(?:en-)/.test(name) ? 'en' : 'fr';
    result.push({ id: `fixtures/cvs/${name}`, language, text: document.text });
  }
  const jobs = path.join(root, 'fixtures/jobs');
  for (const name of readdirSync(jobs).sort()) {
    if (!name.endsWith('.json')) continue;
    const text = readFileSync(path.join(jobs, name), 'utf8');
    result.push({ id: `fixtures/jobs/${name}`, language: 'fr', text });
  }
  return result;
}

function summary(errors: number[]): string {
  if (errors.length === 0) return '-';
  const mean = errors.reduce((sum, error) => sum + Math.abs(error), 0) / errors.length;
  const worst = errors.reduce((max, error) => Math.max(max, Math.abs(error)), 0);
  return `${(mean * 100).toFixed(1)}% (worst ${(worst * 100).toFixed(0)}%)`;
}

async function main(): Promise<void> {
  const texts = await samples();
  const encodings = { o200k_base: getEncoding('o200k_base'), cl100k_base: getEncoding('cl100k_base') };
  const estimates: Record<string, (text: string) => number> = {
    'estimateTokens (calibrated)': estimateTokens,
    'characters / 3 (former middleware rule)': (text) => Math.ceil(text.length / 3),
    'characters / 4 (former rerank rule)': (text) => Math.ceil(text.length / 4),
  };
  const rows: Record<string, string | number>[] = [];
  for (const [encodingName, encoding] of Object.entries(encodings)) {
    const counted = texts.map((sample) => ({ sample, tokens: encoding.encode(sample.text).length }));
    for (const [estimateName, estimate] of Object.entries(estimates)) {
      const row: Record<string, string | number> = { tokenizer: encodingName, estimate: estimateName };
      for (const language of ['fr', 'en'] as const) {
        for (const heldOut of [false, true]) {
          const errors = counted
            .filter(({ sample }) => sample.language === language && isHeldOut(sample.id) === heldOut)
            .map(({ sample, tokens }) => estimate(sample.text) / tokens - 1);
          row[`${language} ${heldOut ? 'held-out' : 'dev'} (n=${errors.length})`] = summary(errors);
        }
      }
      rows.push(row);
    }
  }
  console.log('token estimate vs real tokenizers: mean |estimate / tokens - 1| per text (target ≤ 20%)');
  console.table(rows);
}

await main();
