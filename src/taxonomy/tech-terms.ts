import { TECH_TERMS, techTermKey } from './catalogue/tech-terms.js';

let terms: Set<string> | undefined;

/**
 * Whether a short text is the name of a well-known tool, language or platform ("Linux", "SQL Server 2008",
 * "MS Office", "Oracle 11g"), by the curated list of `catalogue/tech-terms.ts`: evidence that a listed item
 * is a skill, not a normalisation (no skill id).
 */
export function isTechTerm(text: string): boolean {
  terms ??= new Set(TECH_TERMS.map(techTermKey));
  const key = techTermKey(text);
  return key.length > 0 && terms.has(key);
}
