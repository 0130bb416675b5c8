import type { SourceSpan } from '../domain/index.js';

/** A line of a document: its text, where it starts in the document text, its page and 1-based line number. */
export interface NumberedLine {
  text: string;
  start: number;
  page: number;
  lineNumber: number;
}

/** Source span of `length` characters at `offset` inside a line. */
export function spanIn(line: NumberedLine, offset = 0, length = line.text.length): SourceSpan {
  return {
    text: line.text.slice(offset, offset + length),
    start: line.start + offset,
    end: line.start + offset + length,
    page: line.page,
    line: line.lineNumber,
  };
}
