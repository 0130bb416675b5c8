import type { Section } from './sections.js';

/** Where a line sits, as the part classifier sees it: its section's kind and its neighbours' text. */
export interface LineContext {
  section: string;
  previous: string | null;
  next: string | null;
}

/**
 * The context of every line of the sections, by line number: neighbours are taken among the lines of the
 * sections of the same kind, in order (how the field readers see them: `linesOf(sections, kind)`).
 */
export function lineContexts(sections: readonly Section[]): Map<number, LineContext> {
  const contexts = new Map<number, LineContext>();
  for (const kind of new Set(sections.map((section) => section.kind))) {
    const lines = sections.filter((section) => section.kind === kind).flatMap((section) => section.lines);
    for (const [index, line] of lines.entries())
      contexts.set(line.lineNumber, {
        section: kind,
        previous: lines[index - 1]?.text ?? null,
        next: lines[index + 1]?.text ?? null,
      });
  }
  return contexts;
}
