import type { Document, Element } from 'domhandler';
import { attr, childrenNamed, firstChild, intVal, onOff, valOf } from './xml.js';
import { formatNumber } from './number-format.js';

/** One level of a list definition (w:lvl). */
export interface NumberingLevel {
  start: number;
  numFmt: string;
  lvlText: string;
  /** 1-based level after which this one restarts; 0 never; undefined: after any shallower level. */
  restart: number | undefined;
  isLegal: boolean;
  pStyle: string | undefined;
}

export interface AbstractNumbering {
  id: string;
  levels: Map<number, NumberingLevel>;
  /** w:numStyleLink: the definition lives in the numbering style of this name. */
  numStyleLink: string | undefined;
}

export interface NumberingInstance {
  numId: string;
  abstractNumId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, NumberingLevel>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, AbstractNumbering>;
  nums: Map<string, NumberingInstance>;
}

/** A paragraph style's numbering and parent, from styles.xml. */
export interface StyleInfo {
  id: string;
  type: string;
  basedOn: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
}

export interface StyleSheet {
  styles: Map<string, StyleInfo>;
  defaultParagraphStyle: string | undefined;
}

const MAX_LEVELS = 9;

function readLevel(lvl: Element): NumberingLevel {
  return {
    start: intVal(valOf(lvl, 'start')) ?? 0,
    numFmt: valOf(lvl, 'numFmt') ?? 'decimal',
    lvlText: valOf(lvl, 'lvlText') ?? '',
    restart: intVal(valOf(lvl, 'lvlRestart')),
    isLegal: onOff(firstChild(lvl, 'isLgl')),
    pStyle: valOf(lvl, 'pStyle'),
  };
}

function readLevels(parent: Element): Map<number, NumberingLevel> {
  const levels = new Map<number, NumberingLevel>();
  for (const lvl of childrenNamed(parent, 'lvl')) {
    const ilvl = intVal(attr(lvl, 'ilvl'));
    if (ilvl !== undefined && ilvl >= 0 && ilvl < MAX_LEVELS) levels.set(ilvl, readLevel(lvl));
  }
  return levels;
}

export function readNumbering(doc: Document | undefined): NumberingDefinitions {
  const abstracts = new Map<string, AbstractNumbering>();
  const nums = new Map<string, NumberingInstance>();
  const root = doc ? firstChild(doc, 'numbering') : undefined;
  if (!root) return { abstracts, nums };
  for (const abstract of childrenNamed(root, 'abstractNum')) {
    const id = attr(abstract, 'abstractNumId');
    if (id === undefined) continue;
    abstracts.set(id, { id, levels: readLevels(abstract), numStyleLink: valOf(abstract, 'numStyleLink') });
  }
  for (const num of childrenNamed(root, 'num')) {
    const numId = attr(num, 'numId');
    const abstractNumId = valOf(num, 'abstractNumId');
    if (numId === undefined || abstractNumId === undefined) continue;
    const startOverrides = new Map<number, number>();
    const levelOverrides = new Map<number, NumberingLevel>();
    for (const override of childrenNamed(num, 'lvlOverride')) {
      const ilvl = intVal(attr(override, 'ilvl'));
      if (ilvl === undefined || ilvl < 0 || ilvl >= MAX_LEVELS) continue;
      const start = intVal(valOf(override, 'startOverride'));
      if (start !== undefined) startOverrides.set(ilvl, start);
      const lvl = firstChild(override, 'lvl');
      if (lvl) levelOverrides.set(ilvl, readLevel(lvl));
    }
    nums.set(numId, { numId, abstractNumId, startOverrides, levelOverrides });
  }
  return { abstracts, nums };
}

export function readStyles(doc: Document | undefined): StyleSheet {
  const styles = new Map<string, StyleInfo>();
  let defaultParagraphStyle: string | undefined;
  const root = doc ? firstChild(doc, 'styles') : undefined;
  if (!root) return { styles, defaultParagraphStyle };
  for (const style of childrenNamed(root, 'style')) {
    const id = attr(style, 'styleId');
    if (id === undefined) continue;
    const type = attr(style, 'type') ?? 'paragraph';
    const numPr = firstChild(firstChild(style, 'pPr') ?? style, 'numPr');
    styles.set(id, {
      id,
      type,
      basedOn: valOf(style, 'basedOn'),
      numId: valOf(numPr, 'numId'),
      ilvl: intVal(valOf(numPr, 'ilvl')),
    });
    const isDefault = attr(style, 'default');
    if (type === 'paragraph' && (isDefault === '1' || isDefault === 'true')) defaultParagraphStyle = id;
  }
  return { styles, defaultParagraphStyle };
}

/** The numbering a style gives its paragraphs, following basedOn (cycles and long chains stop). */
export function styleNumbering(
  sheet: StyleSheet,
  styleId: string | undefined,
): { numId?: string; ilvl?: number } {
  let numId: string | undefined;
  let ilvl: number | undefined;
  let current = styleId;
  for (let depth = 0; current !== undefined && depth < 32; depth++) {
    const style = sheet.styles.get(current);
    if (!style) break;
    if (numId === undefined && style.numId !== undefined) numId = style.numId;
    if (ilvl === undefined && style.ilvl !== undefined) ilvl = style.ilvl;
    if (numId !== undefined && ilvl !== undefined) break;
    current = style.basedOn;
  }
  const result: { numId?: string; ilvl?: number } = {};
  if (numId !== undefined) result.numId = numId;
  if (ilvl !== undefined) result.ilvl = ilvl;
  return result;
}

interface CounterState {
  counts: (number | null)[];
}

/**
 * Generates Word's list labels paragraph by paragraph. Counters belong to the abstract definition, so
 * two w:num sharing one continue each other's count, except where a w:num restarts a level with a
 * startOverride (applied when that w:num is first used), as Word does.
 */
export class NumberingCounter {
  private readonly counters = new Map<string, CounterState>();
  private readonly startedNums = new Set<string>();

  constructor(
    private readonly defs: NumberingDefinitions,
    private readonly sheet: StyleSheet,
  ) {}

  /** The abstract definition behind a w:num, following numStyleLink through a numbering style. */
  private resolveAbstract(numId: string): AbstractNumbering | undefined {
    let abstract = this.defs.abstracts.get(this.defs.nums.get(numId)?.abstractNumId ?? '');
    for (let hops = 0; abstract?.numStyleLink !== undefined && hops < 8; hops++) {
      const linkedNumId = styleNumbering(this.sheet, abstract.numStyleLink).numId;
      const linked = linkedNumId === undefined ? undefined : this.defs.nums.get(linkedNumId);
      const next = linked ? this.defs.abstracts.get(linked.abstractNumId) : undefined;
      if (!next || next === abstract) break;
      abstract = next;
    }
    return abstract;
  }

  private levelOf(
    num: NumberingInstance,
    abstract: AbstractNumbering,
    ilvl: number,
  ): NumberingLevel | undefined {
    const base = num.levelOverrides.get(ilvl) ?? abstract.levels.get(ilvl);
    const start = num.startOverrides.get(ilvl);
    return base && start !== undefined ? { ...base, start } : base;
  }

  /**
   * Advances the counter for a numbered paragraph and returns its label ("（一）", "1.", "1.2"), or ''
   * when the paragraph is not numbered, the list is a bullet list or the definitions are missing.
   */
  next(numId: string | undefined, ilvl: number | undefined, paragraphStyle: string | undefined): string {
    if (numId === undefined || numId === '0') return '';
    const num = this.defs.nums.get(numId);
    const abstract = this.resolveAbstract(numId);
    if (!num || !abstract) return '';
    let level = ilvl;
    if (level === undefined && paragraphStyle !== undefined) {
      for (const [index, lvl] of abstract.levels) {
        if (lvl.pStyle === paragraphStyle) level = index;
      }
    }
    level = Math.min(Math.max(level ?? 0, 0), MAX_LEVELS - 1);
    const lvl = this.levelOf(num, abstract, level);
    if (!lvl) return '';

    let state = this.counters.get(abstract.id);
    if (!state) {
      state = { counts: new Array<number | null>(MAX_LEVELS).fill(null) };
      this.counters.set(abstract.id, state);
    }
    if (!this.startedNums.has(numId)) {
      this.startedNums.add(numId);
      for (const overridden of num.startOverrides.keys()) state.counts[overridden] = null;
    }
    const current = state.counts[level];
    state.counts[level] = current === null || current === undefined ? lvl.start : current + 1;
    for (let deeper = level + 1; deeper < MAX_LEVELS; deeper++) {
      const restart = this.levelOf(num, abstract, deeper)?.restart;
      // lvlRestart is 1-based: restart after level `restart` (or any shallower one) advances.
      if (restart === undefined || (restart !== 0 && level + 1 <= restart)) state.counts[deeper] = null;
    }

    if (lvl.numFmt === 'bullet') return '';
    const counts = state.counts;
    return lvl.lvlText.replace(/%([1-9])/g, (_match, digit: string) => {
      const index = Number(digit) - 1;
      const other = this.levelOf(num, abstract, index);
      const value = counts[index] ?? other?.start ?? 0;
      const fmt = lvl.isLegal && index !== level ? 'decimal' : (other?.numFmt ?? 'decimal');
      return formatNumber(value, fmt);
    });
  }
}
