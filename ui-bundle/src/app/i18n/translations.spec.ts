import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { TRANSLATED, languageOf } from './client-locale';

type Messages = { translations: Record<string, string> };
const read = (path: string): Messages => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
// What `ng extract-i18n` found in the templates and $localize calls.
const source = read('../../locale/messages.json').translations;
const placeholders = (text: string) => (text.match(/\{\$[A-Za-z0-9_]+\}|\{INTERPOLATION(_\d+)?\}/g) ?? []).sort();

describe('translations', () => {
  it('follows the vSphere Client language where there is a translation', () => {
    expect(languageOf('de-DE')).toBe('de');
    expect(languageOf('fr_FR')).toBe('fr');
    expect(languageOf('FR')).toBe('fr');
    expect(languageOf('en-US')).toBeUndefined();
    expect(languageOf('ja-JP')).toBeUndefined();
    expect(languageOf(undefined)).toBeUndefined();
  });

  for (const lang of TRANSLATED) {
    it(`has every text in ${lang}, with its placeholders`, () => {
      const translated = read(`../../assets/i18n/${lang}.json`).translations;
      const missing = Object.keys(source).filter((id) => !translated[id]);
      expect(missing.map((id) => source[id])).toEqual([]);
      for (const [id, text] of Object.entries(source)) expect(placeholders(translated[id]), text).toEqual(placeholders(text));
      // None left over from texts that changed since.
      expect(Object.keys(translated).filter((id) => !(id in source))).toEqual([]);
    });
  }
});
