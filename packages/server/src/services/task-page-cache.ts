import type { TaskDto } from '@yaodian/core';

/**
 * Pages of the task list this process answered, each kept with the fingerprint of the plan it was read under
 * (repositories/plan-revision-repository `taskPageValidator`: version, revision, last edit, and the tasks'
 * change fingerprint, which every write touching a task's reports or status raises in its own transaction).
 * A page is answered from here only while the plan's fingerprint, read again on every request, is the same:
 * equal fingerprints mean the same committed writes, so the page is what a fresh read would give. Nothing is
 * shared between processes and nothing needs invalidating; a server that starts or restarts begins empty.
 *
 * Bounded: at most `maxEntries` pages, the least recently used leaving first.
 */
export interface CachedTaskPage {
  fingerprint: string;
  tasks: readonly TaskDto[];
  positions: readonly number[];
}

export interface TaskPageCache {
  get(key: string, fingerprint: string): CachedTaskPage | undefined;
  set(key: string, page: CachedTaskPage): void;
  /**
   * The answer made of a cached page, made once and frozen: the same object every time the page is answered,
   * so the response serializer writes it once (http/frozen-answer-serializer.ts).
   */
  answer<A extends object>(page: CachedTaskPage, make: () => A): A;
  readonly size: number;
}

export function createTaskPageCache(maxEntries = 2000): TaskPageCache {
  const pages = new Map<string, CachedTaskPage>();
  const answers = new WeakMap<CachedTaskPage, object>();
  return {
    get(key, fingerprint) {
      const page = pages.get(key);
      if (!page) return undefined;
      pages.delete(key);
      if (page.fingerprint !== fingerprint) return undefined;
      // Most recently used last: the Map's order is the eviction order.
      pages.set(key, page);
      return page;
    },
    set(key, page) {
      // Frozen: every later answer shares these objects, so no caller may change them.
      deepFreeze(page);
      pages.delete(key);
      pages.set(key, page);
      while (pages.size > maxEntries) {
        const oldest = pages.keys().next().value;
        if (oldest === undefined) break;
        pages.delete(oldest);
      }
    },
    answer<A extends object>(page: CachedTaskPage, make: () => A): A {
      const known = answers.get(page);
      if (known) return known as A;
      const made = make();
      deepFreeze(made);
      answers.set(page, made);
      return made;
    },
    get size() {
      return pages.size;
    },
  };
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}
