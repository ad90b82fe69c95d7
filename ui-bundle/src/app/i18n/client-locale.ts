import { loadTranslations } from '@angular/localize';

import { sdkReady } from '../sdk/sdk-ready';

// The languages the UI is translated into, besides English (its source).
export const TRANSLATED = ['de', 'fr'];

// The translation of the UI for `locale` (the vSphere Client's, such as
// "de-DE" or "fr"), or undefined for English and any language not translated.
export function languageOf(locale: string | undefined): string | undefined {
  const lang = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return TRANSLATED.includes(lang) ? lang : undefined;
}

// Loads the texts of the vSphere Client's language before the application
// starts; English stays when the client's language is not translated or its
// texts cannot be read.
export async function useClientLocale(): Promise<void> {
  let locale: string | undefined;
  try {
    locale = (await sdkReady()).app.getClientLocale?.();
  } catch {
    return; // outside the vSphere Client: the views say so themselves
  }
  const lang = languageOf(locale);
  if (!lang) return;
  try {
    const response = await fetch(`assets/i18n/${lang}.json`);
    if (!response.ok) return;
    const { translations } = (await response.json()) as { translations: Record<string, string> };
    loadTranslations(translations);
    document.documentElement.lang = lang;
  } catch {
    // English it is
  }
}
