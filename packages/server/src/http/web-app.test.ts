import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.js';

let webDir: string;
beforeAll(async () => {
  webDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-web-'));
  await fs.mkdir(path.join(webDir, 'assets'));
  await fs.writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>要点</title>');
  await fs.writeFile(path.join(webDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  await fs.writeFile(path.join(os.tmpdir(), 'yaodian-secret.txt'), 'secret');
});
afterAll(async () => {
  await fs.rm(webDir, { recursive: true, force: true });
  await fs.rm(path.join(os.tmpdir(), 'yaodian-secret.txt'), { force: true });
});

async function app(dir: string | null, log: (line: string) => void = () => undefined) {
  const instance = Fastify({ logger: false });
  await registerWebApp(instance, dir, log);
  return instance;
}

describe('web app serving', () => {
  it('serves hashed assets as immutable with their content type', async () => {
    const response = await (await app(webDir)).inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('answers any other page path with index.html, not cached', async () => {
    const response = await (
      await app(webDir)
    ).inject({ method: 'GET', url: '/plans/123/tasks/456?tab=reports' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>要点</title>');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('keeps unknown /api/ paths JSON 404s and never leaves the directory', async () => {
    const instance = await app(webDir);
    const api = await instance.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
    const escape = await instance.inject({ method: 'GET', url: '/assets/../../yaodian-secret.txt' });
    expect(escape.body).not.toContain('secret');
  });

  it('says how to build the app when there is none, and still answers JSON 404s', async () => {
    const lines: string[] = [];
    const instance = await app(path.join(webDir, 'missing'), (line) => lines.push(line));
    expect(lines.join('\n')).toContain('npm run build -w packages/web');
    expect((await instance.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
  });
});
