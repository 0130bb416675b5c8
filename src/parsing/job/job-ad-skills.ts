import { foldAccents } from '../../text/index.js';
import { PREFERRED } from './job-ad-clauses.js';

/** Language names a job ad may ask for (folded), with their French and English names: read as languages, never as skills. */
export const LANGUAGE_NAMES: Record<string, { fr: string; en: string }> = {
  anglais: { fr: 'Anglais', en: 'English' },
  english: { fr: 'Anglais', en: 'English' },
  francais: { fr: 'Français', en: 'French' },
  french: { fr: 'Français', en: 'French' },
  espagnol: { fr: 'Espagnol', en: 'Spanish' },
  spanish: { fr: 'Espagnol', en: 'Spanish' },
  allemand: { fr: 'Allemand', en: 'German' },
  german: { fr: 'Allemand', en: 'German' },
  italien: { fr: 'Italien', en: 'Italian' },
  italian: { fr: 'Italien', en: 'Italian' },
};

const LEADING =
  /^(?:(?:les|la|le|une|un|des|du|the|an|a|some)\s+|l')?(?:(?:maitrise|connaissance|utilisation|pratique|experience|knowledge|use)\s+(?:(?:dans|en|de|du|des|of|in|with)\s+|d')?(?:(?:les|la|le|une|un)\s+|l')?)?/;

/**
 * Splits a list of skills on commas and semicolons, and on "et"/"and" when both sides look like
 * skills of their own: "gestion des stocks et l'utilisation d'un scanner" → 2, but
 * "chargement et déchargement de camions" and "soins d'hygiène et de confort" → 1.
 */
function splitSkills(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,;]/)) {
    const pieces = part.split(/\s+(?:et|and)\s+/i);
    let current = pieces[0] ?? '';
    for (const next of pieces.slice(1)) {
      const leftWords = current.trim().split(/\s+/).length;
      const isComplement = /^(?:de|d'|du|des|à|of|to)\b/i.test(next);
      if (leftWords >= 2 && !isComplement) {
        out.push(current);
        current = next;
      } else {
        current = `${current} ${/^\s/.test(next) ? '' : 'et '}${next}`.replace(/\s+/g, ' ');
      }
    }
    out.push(current);
  }
  return out.map((item) => item.trim()).filter((item) => item.length > 1);
}

/** A skill phrase without its lead-in ("la maîtrise de la …") and "is a plus"-type ending. */
function cleanSkill(item: string): string {
  const folded = foldAccents(item).toLowerCase();
  const lead = LEADING.exec(folded)?.[0].length ?? 0;
  const marker = PREFERRED.exec(folded);
  let skill = item.slice(lead, marker && marker.index > lead ? marker.index : item.length).trim();
  skill = skill
    .replace(/\s+(?:est|sont|serait|seraient|would be|is|are)\s*$/i, '')
    .replace(/[\s.,:;!]+$/, '');
  const isAcronym = skill.slice(0, 2) === skill.slice(0, 2).toUpperCase();
  return isAcronym ? skill : skill.charAt(0).toLowerCase() + skill.slice(1);
}

/** Required and preferred skills of an ad: labelled lists ("Compétences :", "Skills required:", "Nice to have:") and "is a plus" sentences. */
export function readSkills(lines: string[]): { required: string[]; preferred: string[] } {
  const required: string[] = [];
  const preferred: string[] = [];
  const requiredLabel =
    /^\s*[-•*]?\s*(?:comp[ée]tences(?: requises| indispensables| attendues| cl[ée]s)?|savoir-faire|(?:key |required |technical )?skills(?: required| needed)?|must[- ]haves?)\s*:\s*(.+)$/i;
  const preferredLabel =
    /^\s*[-•*]?\s*(?:nice[- ]to[- ]haves?|preferred(?: skills)?|atouts?|un plus|bonus|desirable|plus)\s*:\s*(.+)$/i;
  for (const line of lines) {
    const folded = foldAccents(line).toLowerCase();
    const labelledPreferred = preferredLabel.exec(line)?.[1];
    const labelledRequired = requiredLabel.exec(line)?.[1];
    if (labelledPreferred) preferred.push(...splitSkills(labelledPreferred).map(cleanSkill));
    else if (labelledRequired) required.push(...splitSkills(labelledRequired).map(cleanSkill));
    else if (PREFERRED.test(folded)) {
      for (const sentence of line.split(/(?<=[.!?])\s+/)) {
        if (!PREFERRED.test(foldAccents(sentence).toLowerCase())) continue;
        const body = sentence.replace(/^\s*[-•*]\s*/, '');
        preferred.push(...splitSkills(body).map(cleanSkill));
      }
    }
  }
  // Languages are read by `readLanguages`, not as skills.
  const isLanguage = (item: string) =>
    Object.keys(LANGUAGE_NAMES).some((name) =>
      new RegExp(`\\b${name}\\b`).test(foldAccents(item).toLowerCase()),
    );
  const unique = (items: string[]) => [
    ...new Set(items.filter((item) => item.length > 1 && !isLanguage(item))),
  ];
  return { required: unique(required), preferred: unique(preferred) };
}
