import { readFile } from 'node:fs/promises';
import {
  readWeightsFile,
  resolveWeights,
  UsageError,
  ValidationError,
  type WeightOverrides,
} from '../index.js';

/**
 * Reads the `--weights` flag: `occupation=0.3,skills=0.2,llm=0.5` (any subset of the criteria; `llm`
 * sets the LLM share). The names and values are checked by the core's `resolveWeights`; anything
 * wrong is a `UsageError` (exit code 2) naming the bad part.
 */
export function parseWeightsFlag(text: string): WeightOverrides {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length === 0)
    throw new UsageError('--weights: expected name=value pairs, e.g. occupation=0.3,skills=0.2');
  const overrides: Record<string, number> = {};
  for (const part of parts) {
    const match = /^([A-Za-z]+)\s*=\s*([0-9]*\.?[0-9]+)$/.exec(part);
    if (!match) throw new UsageError(`--weights: cannot read "${part}" (expected name=number)`);
    const [, name = '', value = ''] = match;
    overrides[name] = Number(value);
  }
  try {
    resolveWeights(overrides);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const issues = error.issues.map((issue) => `${issue.path.join('.') || 'weights'}: ${issue.message}`);
    throw new UsageError(`--weights: ${issues.join('; ')}`, { cause: error });
  }
  return overrides;
}

/** Reads the `--weights-file` flag: a JSON file of weights (`{ "weights": {...} }` as `eval --fit-weights` writes, or bare). */
export async function readWeightsFlagFile(file: string): Promise<Record<string, number>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--weights-file: cannot read ${file}`, { cause: error });
  }
  try {
    return readWeightsFile(text);
  } catch (error) {
    throw new UsageError(`--weights-file: ${file}: ${(error as Error).message}`, { cause: error });
  }
}
