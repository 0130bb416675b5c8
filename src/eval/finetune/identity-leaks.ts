import { nameParts } from '../../compliance/redact-text.js';
import type { CandidateProfile } from '../../domain/index.js';
import { foldAccents } from '../../text/normalize.js';

const fold = (text: string) => foldAccents(text).toLowerCase().replace(/\s+/g, ' ');

function containsWords(haystack: string, needle: string): boolean {
  const escaped = fold(needle).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(haystack);
}

/**
 * The identity of `profile` still present in `text` (a last check on a training example, after
 * pseudonymisation): name parts of 3 letters or more as whole words, the e-mail address, the phone number's
 * last 9 digits. Returns the kinds found (never the values).
 */
export function identityLeaks(text: string, profile: CandidateProfile): ('name' | 'email' | 'phone')[] {
  const folded = fold(text);
  const leaks: ('name' | 'email' | 'phone')[] = [];
  const parts = profile.name ? nameParts(profile.name).filter((part) => part.length >= 3) : [];
  if (parts.some((part) => containsWords(folded, part))) leaks.push('name');
  if (profile.email && folded.includes(fold(profile.email))) leaks.push('email');
  const digits = profile.phone?.replace(/\D/g, '') ?? '';
  if (digits.length >= 9 && text.replace(/\D/g, '').includes(digits.slice(-9))) leaks.push('phone');
  return leaks;
}
