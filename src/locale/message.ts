import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { IntlMessageFormat } from 'intl-messageformat';
import { lazyRequire } from '../support/lazy-require.js';
import type { MessageKey } from './locale.js';
import { type LanguageCode, locales } from './registry.js';

// Loaded on the first message formatted (~13 ms of start-up otherwise; see lazy-require.ts).
const intlMessageFormat = lazyRequire<typeof import('intl-messageformat')>('intl-messageformat');
const messageParser = lazyRequire<typeof import('@formatjs/icu-messageformat-parser')>(
  '@formatjs/icu-messageformat-parser',
);

/** Values a message's placeholders are filled with. Numbers print as written (`String(n)`), unformatted. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** Compiled messages by language, keyed by source text: each message is parsed once. */
const compiled = new Map<LanguageCode, Map<string, IntlMessageFormat>>();

/** The compiled form of an ICU MessageFormat text in a language (cached). Tags are plain text. */
function compile(language: LanguageCode, source: string): IntlMessageFormat {
  let cache = compiled.get(language);
  if (!cache) {
    cache = new Map();
    compiled.set(language, cache);
  }
  let format = cache.get(source);
  if (!format) {
    const { IntlMessageFormat } = intlMessageFormat();
    format = new IntlMessageFormat(source, locales[language].tag, undefined, { ignoreTag: true });
    cache.set(source, format);
  }
  return format;
}

/** Formats an ICU MessageFormat text (e.g. one SMS template variant) in a language. */
export function formatMessage(language: LanguageCode, source: string, values: MessageValues = {}): string {
  const result = compile(language, source).format(values);
  return typeof result === 'string' ? result : [result].flat().join('');
}

/**
 * The text of catalogue message `key` in `language`, placeholders filled: `message('fr', 'screening.status.qualified')`.
 * ICU MessageFormat: `{name}`, `{count, plural, one {…} other {…}}`, `{gender, select, female {…} other {…}}`.
 * A value the chosen wording needs and `values` lacks throws (a programming error).
 */
export function message(language: LanguageCode, key: MessageKey, values: MessageValues = {}): string {
  return formatMessage(language, locales[language].messages[key], values);
}

/** The values a message reads: printed ones, and the ones it only chooses on (select, plural). */
export interface MessageArguments {
  printed: ReadonlySet<string>;
  selectors: ReadonlySet<string>;
}

const argumentsBySource = new Map<string, MessageArguments>();

/** The names of the values a message reads (cached by source). */
export function messageArguments(source: string): MessageArguments {
  const known = argumentsBySource.get(source);
  if (known) return known;
  const printed = new Set<string>();
  const selectors = new Set<string>();
  const { TYPE } = messageParser();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.select || element.type === TYPE.plural) {
        selectors.add(element.value);
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type === TYPE.tag) walk(element.children);
      else if (element.type !== TYPE.literal && element.type !== TYPE.pound) printed.add(element.value);
    }
  };
  const { IntlMessageFormat } = intlMessageFormat();
  walk(new IntlMessageFormat(source, 'en', undefined, { ignoreTag: true }).getAst());
  const found = { printed, selectors };
  argumentsBySource.set(source, found);
  return found;
}
