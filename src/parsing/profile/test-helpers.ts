import { documentFromText } from '../extract/text-document.js';
import { linesOf, type SectionKind, type SectionLine, splitSections } from './sections.js';

/** Section lines of a text (all sections, or those of the given kinds), for unit tests of field extractors. */
export function sectionLinesOf(text: string, ...kinds: SectionKind[]): SectionLine[] {
  const sections = splitSections(documentFromText(text));
  return kinds.length > 0 ? linesOf(sections, ...kinds) : sections.flatMap((section) => section.lines);
}
