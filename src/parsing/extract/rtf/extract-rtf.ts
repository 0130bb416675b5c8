import type { Warning } from '../../../domain/index.js';
import { DocumentError } from '../../../errors.js';
import { buildDocument, hiddenTextWarning, type LineDraft, type TableDraft } from '../document-builder.js';
import type { FormatContext } from '../format-context.js';
import type { ExtractedDocument } from '../types.js';
import {
  decoderFor,
  footerWords,
  headerWords,
  parseColourTable,
  readHeadingStyles,
  skippedDestinations,
  symbolWords,
} from './rtf-vocabulary.js';

/**
 * A small RTF reader for CVs: text, paragraphs, tables, list items, bold, outline levels, header and
 * footer, code pages (`\ansicpg`, `\'hh`) and Unicode (`\uN` with `\ucN` fallbacks). Pictures, objects,
 * fields' instructions and every `\*` destination it does not know are skipped. Hidden text (`\v`,
 * white without a background, under 2pt) is excluded and reported.
 */

type Region = 'body' | 'header' | 'footer';

interface GroupState {
  skip: boolean;
  region: Region;
  bold: boolean;
  hidden: boolean;
  colour: number;
  background: boolean;
  halfPoints: number;
  unicodeSkip: number;
  /** Inside `\listtext` / `\pntext`: the bullet of a list paragraph. */
  listText: boolean;
}

interface LineBuffer {
  text: string;
  boldChars: number;
  chars: number;
  listItem: boolean;
  headingLevel: number | null;
}

function newBuffer(): LineBuffer {
  return { text: '', boldChars: 0, chars: 0, listItem: false, headingLevel: null };
}

/** Extracts an RTF document. */
export async function extractRtf(bytes: Uint8Array, context: FormatContext): Promise<ExtractedDocument> {
  const { file, limits } = context;
  // RTF is 7-bit; bytes above 127 (rare) are read through the code page like `\'hh`.
  const source = new TextDecoder('latin1').decode(bytes);
  if (!source.trimStart().startsWith('{\\rtf')) {
    throw new DocumentError('corrupt', 'The RTF file does not start with {\\rtf.', { file });
  }
  // Entries in table order (`\cfN` indexes them; an empty first entry is the automatic colour).
  const colourTable = parseColourTable(/\{\\colortbl\s*([^}]*)\}/.exec(source)?.[1] ?? '');
  const headingStyles = readHeadingStyles(source);
  let decode = decoderFor(1252);
  const lines: Record<Region, LineDraft[]> = { body: [], header: [], footer: [] };
  const buffers: Record<Region, LineBuffer> = { body: newBuffer(), header: newBuffer(), footer: newBuffer() };
  const tables: TableDraft[] = [];
  let rowCells: string[] = [];
  let cellText = '';
  let inRow = false;
  const hidden: string[] = [];
  let hiddenRun = '';
  const stack: GroupState[] = [];
  let state: GroupState = {
    skip: false,
    region: 'body',
    bold: false,
    hidden: false,
    colour: 0,
    background: false,
    halfPoints: 24,
    unicodeSkip: 1,
    listText: false,
  };
  let pendingBytes: number[] = [];
  let fallbackToSkip = 0;
  let groupStart = false;
  let ignorable = false;

  const isHidden = () => {
    if (state.hidden || state.halfPoints < 4) return true;
    const colour = colourTable[state.colour];
    return (
      colour !== null &&
      colour !== undefined &&
      !state.background &&
      colour.every((channel) => channel >= 240)
    );
  };
  const flushHidden = () => {
    if (hiddenRun.trim().length > 0) hidden.push(hiddenRun.trim());
    hiddenRun = '';
  };
  const emitText = (text: string) => {
    if (state.skip || text.length === 0) return;
    if (state.listText) {
      buffers[state.region].listItem = true;
      return;
    }
    if (isHidden()) {
      hiddenRun += text;
      return;
    }
    flushHidden();
    const buffer = buffers[state.region];
    buffer.text += text;
    if (inRow && state.region === 'body') cellText += text;
    const visible = text.trim().length;
    buffer.chars += visible;
    if (state.bold) buffer.boldChars += visible;
  };
  const flushBytes = () => {
    if (pendingBytes.length === 0) return;
    const text = decode(Uint8Array.from(pendingBytes));
    pendingBytes = [];
    emitText(text);
  };
  const endLine = (region: Region, tableRow = false) => {
    flushBytes();
    flushHidden();
    const buffer = buffers[region];
    for (const segment of buffer.text.split('\n')) {
      if (segment.trim().length === 0) continue;
      const draft: LineDraft = { text: segment, page: 1, region: tableRow ? 'table' : region };
      if (buffer.chars > 0 && buffer.boldChars * 2 > buffer.chars) draft.bold = true;
      if (buffer.listItem) draft.listItem = true;
      if (buffer.headingLevel !== null) draft.headingLevel = buffer.headingLevel;
      lines[region].push(draft);
    }
    buffers[region] = { ...newBuffer(), listItem: buffer.listItem, headingLevel: buffer.headingLevel };
  };

  let index = 0;
  const length = source.length;
  while (index < length) {
    if ((index & 0xffff) === 0) context.checkpoint();
    const character = source[index] ?? '';
    if (character === '{') {
      flushBytes();
      stack.push({ ...state });
      groupStart = true;
      ignorable = false;
      index += 1;
      continue;
    }
    if (character === '}') {
      flushBytes();
      state = stack.pop() ?? state;
      groupStart = false;
      index += 1;
      continue;
    }
    if (character === '\r' || character === '\n') {
      index += 1;
      continue;
    }
    if (character !== '\\') {
      if (fallbackToSkip > 0) fallbackToSkip -= 1;
      else {
        const code = character.charCodeAt(0);
        if (code > 127) pendingBytes.push(code);
        else {
          flushBytes();
          emitText(character);
        }
      }
      groupStart = false;
      index += 1;
      continue;
    }
    // A control word or symbol.
    const next = source[index + 1] ?? '';
    if (next === "'") {
      const value = Number.parseInt(source.slice(index + 2, index + 4), 16);
      index += 4;
      if (fallbackToSkip > 0) fallbackToSkip -= 1;
      else if (Number.isFinite(value)) pendingBytes.push(value);
      groupStart = false;
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      index += 2;
      if (next === '*') {
        ignorable = groupStart;
        continue;
      }
      if (fallbackToSkip > 0) {
        fallbackToSkip -= 1;
        continue;
      }
      flushBytes();
      if (next === '\\' || next === '{' || next === '}') emitText(next);
      else if (next === '~') emitText('\u00A0');
      else if (next === '_') emitText('-');
      else if (next === '\n' || next === '\r') endLine(state.region);
      groupStart = false;
      continue;
    }
    const match = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(source.slice(index + 1, index + 50));
    const word = match?.[1] ?? '';
    const parameter = match?.[2] === undefined ? null : Number(match[2]);
    index += 1 + (match?.[0].length ?? 1);
    const wasGroupStart = groupStart;
    groupStart = false;
    if (fallbackToSkip > 0 && word !== 'u') {
      fallbackToSkip -= 1;
      continue;
    }
    if (word !== 'u') flushBytes();
    if (wasGroupStart && (ignorable || skippedDestinations.has(word) || word === 'colortbl')) {
      const known =
        headerWords.has(word) || footerWords.has(word) || word === 'listtext' || word === 'pntext';
      if (!known) {
        state.skip = true;
        ignorable = false;
        continue;
      }
    }
    ignorable = false;
    if (state.skip) continue;
    if (headerWords.has(word) || footerWords.has(word)) {
      endLine(state.region);
      state.region = headerWords.has(word) ? 'header' : 'footer';
      continue;
    }
    switch (word) {
      case 'ansicpg':
        decode = decoderFor(parameter ?? 1252);
        break;
      case 'u': {
        flushBytes();
        const code = parameter === null ? 0xfffd : parameter < 0 ? parameter + 65536 : parameter;
        emitText(String.fromCharCode(code));
        fallbackToSkip = state.unicodeSkip;
        break;
      }
      case 'uc':
        state.unicodeSkip = Math.max(0, parameter ?? 1);
        break;
      case 'par':
      case 'sect':
      case 'page':
        // Paragraphs inside a table cell stay in the cell: the row becomes one line.
        if (inRow && state.region === 'body') {
          cellText += ' ';
          buffers.body.text += ' ';
        } else endLine(state.region);
        break;
      case 'pard':
        buffers[state.region].listItem = false;
        buffers[state.region].headingLevel = null;
        break;
      case 'ls':
      case 'ilvl':
        buffers[state.region].listItem = true;
        break;
      case 's': {
        const level = headingStyles.get(parameter ?? -1);
        if (level !== undefined) buffers[state.region].headingLevel = level;
        break;
      }
      case 'outlinelevel':
        buffers[state.region].headingLevel = Math.min(6, (parameter ?? 0) + 1);
        break;
      case 'listtext':
      case 'pntext':
        state.listText = true;
        break;
      case 'b':
        state.bold = parameter !== 0;
        break;
      case 'v':
        state.hidden = parameter !== 0;
        break;
      case 'cf':
        state.colour = parameter ?? 0;
        break;
      case 'highlight':
      case 'cb':
      case 'chcbpat':
        state.background = (parameter ?? 0) > 0;
        break;
      case 'fs':
        state.halfPoints = parameter ?? 24;
        break;
      case 'plain':
        Object.assign(state, { bold: false, hidden: false, colour: 0, background: false, halfPoints: 24 });
        break;
      case 'trowd':
        inRow = true;
        break;
      case 'cell':
      case 'nestcell':
        rowCells.push(cellText.trim());
        cellText = '';
        buffers.body.text += '\t';
        break;
      case 'row':
      case 'nestrow': {
        const cells = rowCells.filter((cell) => cell.length > 0);
        if (cells.length > 0) {
          buffers.body = newBuffer();
          buffers.body.text = cells.join(' | ');
          const previous = tables.at(-1);
          const firstLine = lines.body.length;
          endLine('body', true);
          if (previous !== undefined && previous.firstLine + previous.rows.length === firstLine)
            previous.rows.push(rowCells);
          else tables.push({ rows: [rowCells], firstLine });
        }
        rowCells = [];
        cellText = '';
        inRow = false;
        break;
      }
      default: {
        const symbol = symbolWords[word];
        if (symbol !== undefined) emitText(symbol);
      }
    }
  }
  flushBytes();
  flushHidden();
  for (const region of ['header', 'body', 'footer'] as const) endLine(region);

  const warnings: Warning[] = [];
  if (hidden.length > 0) {
    warnings.push(hiddenTextWarning('hidden, white or tiny text', hidden));
  }
  return buildDocument({
    format: 'rtf',
    pages: 1,
    lines: [...lines.header, ...lines.body, ...lines.footer],
    tables: tables.map((table) => ({ ...table, firstLine: table.firstLine + lines.header.length })),
    warnings,
    maxChars: limits.maxChars,
  });
}
