import type { LightMyRequestResponse } from 'fastify';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerPlanReader, type WorkerPlanReader } from '../parsing/plan-reader-pool.js';
import { createTenant, createUser } from '../testing/factories.js';
import { multipartFile } from '../testing/plan-fixture.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/*
 * 等保2.0 三级 · 安全计算环境 · 入侵防范 / 资源控制: an uploaded document may cost only so much to read.
 * Reading runs in worker threads, every limit stops the reading before it is passed, and the server keeps
 * answering everyone else meanwhile. How long each limit takes to fire is measured by the benchmark
 * (bench/bench-bounded-import.ts), not here.
 */
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const LIMITS = { maxInflatedBytes: 1024 * 1024, maxCharacters: 50_000, maxItems: 200 };

const para = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const docx = (body: string): Buffer =>
  Buffer.from(
    zipSync({
      'word/document.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
      ),
    }),
  );
const numbered = (count: number): string =>
  Array.from({ length: count }, (_, i) => para(`${String(i + 1)}.推进第${String(i + 1)}项重点工作`)).join('');

let t: TestApp;
let reader: WorkerPlanReader;
let planner: Session;

beforeAll(async () => {
  reader = createWorkerPlanReader({ limits: LIMITS, timeoutMs: 60_000, concurrency: 2 });
  t = await createTestApp({ readPlan: reader.read });
  const tenant = await createTenant(t.db);
  planner = await t.login(await createUser(t.db, tenant.id, { role: 'planner' }));
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await reader.close();
  await t.close();
}, DB_HOOK_TIMEOUT);

function upload(name: string, content: Buffer | string): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartFile(name, content);
  return t.as(planner, { method: 'POST', url: '/api/plans', payload, headers });
}

async function planCount(): Promise<number> {
  const r = await t.as(planner, { method: 'GET', url: '/api/plans' });
  return r.json<unknown[]>().length;
}

const errorOf = (r: LightMyRequestResponse) =>
  r.json<{ error: { code: string; message: string; details: unknown } }>().error;

describe('等保2.0 三级 · 资源控制: bounded import', () => {
  it('refuses a .docx bomb at the inflated-size limit, in Chinese, while /api/health keeps answering', async () => {
    // Numbered lines compress about 20×: 12 MB of XML in a few hundred KB, well inside the declared-ratio check.
    const bomb = docx(
      Array.from({ length: 160_000 }, (_, i) => para(`第${String(i)}行：${String(i * 7919)}`)).join(''),
    );
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = await planCount();
    const upload$ = { settled: false };
    const pending = upload('bomb.docx', bomb).finally(() => {
      upload$.settled = true;
    });
    let answeredWhileReading = 0;
    while (!upload$.settled) {
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      if (reader.load().running > 0) answeredWhileReading++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(answeredWhileReading).toBeGreaterThan(0);
    const r = await pending;
    expect(r.statusCode).toBe(413);
    expect(errorOf(r)).toMatchObject({
      code: 'payload_too_large',
      details: [{ field: 'file', rule: 'inflated_too_large', limit: LIMITS.maxInflatedBytes }],
    });
    expect(errorOf(r).message).toContain('解压后的内容超过上限 1 MB');
    expect(await planCount()).toBe(before);
  });

  it('refuses a .docx with more numbered items than the limit, naming it, and stores nothing', async () => {
    const before = await planCount();
    const r = await upload('items.docx', docx(numbered(LIMITS.maxItems + 1)));
    expect(r.statusCode).toBe(413);
    expect(errorOf(r)).toMatchObject({
      details: [{ field: 'file', rule: 'too_many_items', limit: LIMITS.maxItems }],
    });
    expect(errorOf(r).message).toContain(`计划条目超过上限 ${String(LIMITS.maxItems)} 条`);
    expect(await planCount()).toBe(before);
  });

  it('imports a plan at exactly the item limit through the worker', async () => {
    const r = await upload('fits.docx', docx(para('2026年全市卫生健康工作要点') + numbered(LIMITS.maxItems)));
    expect(r.statusCode).toBe(201);
    expect(r.json<{ items: unknown[] }>().items).toHaveLength(LIMITS.maxItems);
  });

  it('refuses text over the character limit, naming it', async () => {
    const r = await upload('long.txt', `一、总体要求\n${'推进工作'.repeat(LIMITS.maxCharacters / 4)}`);
    expect(r.statusCode).toBe(413);
    expect(errorOf(r)).toMatchObject({
      details: [{ field: 'file', rule: 'too_many_characters', limit: LIMITS.maxCharacters }],
    });
    expect(errorOf(r).message).toContain(`文档文字超过上限 ${String(LIMITS.maxCharacters)} 字`);
  });

  it('stops a read that passes the time limit by terminating its worker, naming the limit', async () => {
    const slow = createWorkerPlanReader({ limits: { maxItems: 50_000 }, timeoutMs: 300, concurrency: 1 });
    try {
      const error: unknown = await slow.read(docx(numbered(20_000)), { fileName: 'slow.docx' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'limit_exceeded', limit: { name: 'parse_ms', value: 300 } });
      expect((error as Error).message).toContain('解析用时超过上限 0.3 秒');
      expect(slow.load()).toEqual({ running: 0, waiting: 0 });
    } finally {
      await slow.close();
    }
  });

  it('reads at most `concurrency` documents at once; the next waits its turn', async () => {
    const one = createWorkerPlanReader({ timeoutMs: 60_000, concurrency: 1 });
    try {
      const text = Buffer.from('2026年工作要点\n一、总体要求\n（一）推进医共体建设');
      const first = one.read(text, {});
      const second = one.read(text, {});
      await new Promise((resolve) => setImmediate(resolve));
      expect(one.load()).toEqual({ running: 1, waiting: 1 });
      const plans = await Promise.all([first, second]);
      expect(plans.map((p) => p.items.length)).toEqual([1, 1]);
      expect(one.load()).toEqual({ running: 0, waiting: 0 });
    } finally {
      await one.close();
    }
  });
});
