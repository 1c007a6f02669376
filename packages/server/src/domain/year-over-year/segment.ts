import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { FILLER_WORDS } from './rules.js';
import { foldSynonyms, toHalfWidth } from './normalise.js';

/*
 * Chinese word segmentation for title similarity, by jieba (@node-rs/jieba: maintained, prebuilt native
 * binaries per platform from the npm registry, no install script). The dictionary loads once, lazily.
 */
let jieba: Jieba | undefined;
const segmenter = (): Jieba => (jieba ??= Jieba.withDict(dict));

const FILLERS = new Set<string>(FILLER_WORDS);
const WORD = /[\p{Script=Han}A-Za-z]/u;

/** A title's content words: segmented, synonyms folded, no fillers, numbers or punctuation. */
export function contentWords(title: string): string[] {
  const text = foldSynonyms(toHalfWidth(title)).replace(/[0-9]+(?:\.[0-9]+)?/g, ' ');
  return segmenter()
    .cut(text, false)
    .map((word) => word.trim())
    .filter((word) => word.length > 0 && WORD.test(word) && !FILLERS.has(word));
}
