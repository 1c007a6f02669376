import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
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
  const bundle = 'export const app = "yaodian";\n'.repeat(50);
  await fs.writeFile(path.join(webDir, 'assets', 'main-def456.js'), bundle);
  await fs.writeFile(path.join(webDir, 'assets', 'main-def456.js.br'), brotliCompressSync(bundle));
  await fs.writeFile(path.join(webDir, 'assets', 'main-def456.js.gz'), gzipSync(bundle));
  const shell = '<!doctype html><title>要点</title>';
  await fs.writeFile(path.join(webDir, 'index.html.br'), brotliCompressSync(shell));
  await fs.writeFile(path.join(webDir, 'index.html.gz'), gzipSync(shell));
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

  it('sends the precompressed brotli file to a browser that accepts it, immutable and varying by encoding', async () => {
    const response = await (
      await app(webDir)
    ).inject({
      method: 'GET',
      url: '/assets/main-def456.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers['cache-control']).toContain('immutable');
    expect(String(response.headers.vary)).toContain('accept-encoding');
    expect(brotliDecompressSync(response.rawPayload).toString()).toContain('export const app');
    expect(response.rawPayload.length).toBeLessThan(200);
  });

  it('falls back to gzip, then to the plain file, by what the browser accepts', async () => {
    const instance = await app(webDir);
    const gz = await instance.inject({
      method: 'GET',
      url: '/assets/main-def456.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toContain('export const app');
    const plain = await instance.inject({ method: 'GET', url: '/assets/main-def456.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('export const app');
    expect(String(plain.headers.vary)).toContain('accept-encoding');
  });

  it('sends the app shell for page paths compressed too, still not cached', async () => {
    const response = await (
      await app(webDir)
    ).inject({ method: 'GET', url: '/my-tasks', headers: { 'accept-encoding': 'br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(response.rawPayload).toString()).toContain('<title>要点</title>');
  });

  it('says how to build the app when there is none, and still answers JSON 404s', async () => {
    const lines: string[] = [];
    const instance = await app(path.join(webDir, 'missing'), (line) => lines.push(line));
    expect(lines.join('\n')).toContain('npm run build -w packages/web');
    expect((await instance.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
  });
});
