import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { format, loadLang, translator } from './i18n.js';
import { zhCN } from './zh-CN.js';

// English is a separate chunk the app fetches on demand; these assertions read it.
await loadLang('en');

const SRC = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return tsxFiles(full);
    return full.endsWith('.tsx') ? [full] : [];
  });
}

/** The code of a file without its comments, where CJK examples are welcome. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('message catalogues', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('leave no message empty and keep the same placeholders in both languages', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(zhCN[key].length, key).toBeGreaterThan(0);
      expect(en[key].length, key).toBeGreaterThan(0);
      const holes = (text: string): string[] =>
        [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
      expect(holes(en[key]), key).toEqual(holes(zhCN[key]));
    }
  });

  it('are Chinese in zh-CN for the menu the users see first', () => {
    expect(zhCN['menu.workbench']).toBe('工作台');
    expect(CJK.test(zhCN['header.logout'])).toBe(true);
    expect(CJK.test(en['header.logout'])).toBe(false);
  });

  it('finds no CJK text in any .tsx file outside comments: every string comes from a catalogue', () => {
    const files = tsxFiles(SRC);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) => CJK.test(withoutComments(readFileSync(file, 'utf8'))));
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});

describe('format', () => {
  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(format('共 {n} 条，{x}', { n: 3 })).toBe('共 3 条，{x}');
  });

  it('translates through the chosen catalogue', () => {
    expect(translator('zh-CN')('common.total', { n: 5 })).toBe('共 5 条');
    expect(translator('en')('common.total', { n: 5 })).toBe('5 in total');
  });
});
