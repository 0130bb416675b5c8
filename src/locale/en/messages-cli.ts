import type { cliMessages as reference } from '../fr/messages-cli.js';

/** The `cvmatch match` table, English (see `../fr/messages-cli.ts`). */
export const cliMessages = {
  'cli.match.jobOrder': 'Job order',
  'cli.match.candidate': 'candidate',
  'cli.match.keyReasons': 'key reasons',
  'cli.match.unmet': 'unmet',
  'cli.match.noCandidates': '(no candidates)',
  'cli.match.nearMisses': 'Near misses (1 or 2 gaps to close)',
  'cli.match.none': '(none)',
  'cli.criterion.occupation': 'occupation',
  'cli.criterion.skills': 'skills',
  'cli.criterion.preferredSkills': 'extras',
  'cli.criterion.experience': 'experience',
  'cli.criterion.certifications': 'certs',
  'cli.criterion.licences': 'licences',
  'cli.criterion.distance': 'nearby',
  'cli.criterion.availability': 'available',
  'cli.criterion.languages': 'languages',
  'cli.criterion.semantic': 'similar CV',
  'cli.criterion.text': 'order words',
  'cli.criterion.keywords': 'keywords',
  'cli.criterion.llm': 'LLM',
} satisfies Record<keyof typeof reference, string>;
