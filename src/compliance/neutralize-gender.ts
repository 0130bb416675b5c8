import { type LanguageCode, locales } from '../locale/index.js';
import { foldAccents } from '../text/normalize.js';

/** Folded word → inclusive form, by language, built on first use. */
const inclusiveForms = new Map<LanguageCode, Map<string, string>>();

function formsOf(language: LanguageCode): Map<string, string> {
  let forms = inclusiveForms.get(language);
  if (!forms) {
    forms = new Map();
    for (const [masculine, feminine, form] of locales[language].genderedForms) {
      for (const word of [form, feminine, masculine, `${masculine}s`, `${feminine}s`]) {
        forms.set(foldAccents(word).toLowerCase(), form);
      }
    }
    inclusiveForms.set(language, forms);
  }
  return forms;
}

/**
 * Replaces masculine and feminine forms (and `motivé(e)`-style forms) by one inclusive form, with the
 * language's `genderedForms` (French by default; a language without them is left as it is).
 */
export function neutralizeGender(text: string, language: LanguageCode = 'fr'): string {
  const forms = formsOf(language);
  if (forms.size === 0) return text;
  // Words with inner hyphens and an optional "(e)"/"(le)"/"(se)" ending; looked up folded.
  return text.replace(/\p{L}+(?:-\p{L}+)*(?:\((?:e|le|se)\))?/gu, (word) => {
    const form = forms.get(foldAccents(word).toLowerCase());
    if (!form) return word;
    return /^\p{Lu}/u.test(word) ? form[0]!.toUpperCase() + form.slice(1) : form;
  });
}
