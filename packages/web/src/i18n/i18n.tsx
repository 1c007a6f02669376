import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { zhCN, type MessageKey } from './zh-CN.js';

export type Lang = 'zh-CN' | 'en';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const LANG_KEY = 'yd.lang';
/**
 * Chinese ships with the sign-in page; English is fetched when someone chooses it (it would add ~11 kB to every
 * first visit, which has a 300 kB budget). Until it arrives, text shows in Chinese.
 */
const catalogues: Partial<Record<Lang, Record<MessageKey, string>>> = { 'zh-CN': zhCN };

/** Makes a language's catalogue available (the English one is a separate chunk). */
export async function loadLang(lang: Lang): Promise<void> {
  if (catalogues[lang]) return;
  const { en } = await import('./en.js');
  catalogues.en = en;
}

/** Fills `{name}` placeholders; unknown placeholders stay as written so a missing value is visible. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w{1,30})\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang] ?? zhCN;
  return (key, vars) => format(catalogue[key], vars);
}

interface I18nValue {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18nValue>({
  lang: 'zh-CN',
  t: translator('zh-CN'),
  setLang: () => undefined,
});

function initialLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }): ReactNode {
  const [lang, setLangState] = useState<Lang>(initialLang);
  // Bumped when a catalogue arrives, so the translator is made again from it.
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    if (catalogues[lang]) return;
    void loadLang(lang).then(() => {
      setLoaded((n) => n + 1);
    });
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, setLang, t: translator(lang) }), [lang, setLang, loaded]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}
