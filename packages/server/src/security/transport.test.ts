import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { API_CSP, WEB_CSP } from '../http/auth-hook.js';
import { buildApp } from '../http/app.js';
import { startServer, type RunningServer } from '../server.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/*
 * 等保2.0 三级 · 安全通信网络 · 通信传输 (8.1.2.2: 采用密码技术保证通信过程中数据的完整性和保密性) and the
 * browser side of 入侵防范: a strict Content-Security-Policy with no inline script, and native TLS.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
let t: TestApp;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-tls-'));
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
  await fs.rm(dir, { recursive: true, force: true });
}, DB_HOOK_TIMEOUT);

const directive = (policy: string, name: string): string =>
  policy
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `)) ?? '';

describe('等保2.0 三级 · 通信传输: CSP and native TLS', () => {
  it('serves the web app under a CSP that allows no inline script and no eval', async () => {
    const webDir = path.join(dir, 'web');
    await fs.mkdir(webDir, { recursive: true });
    await fs.writeFile(path.join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
    const app = await buildApp(t.deps, { secureCookies: false, webDir });
    try {
      const page = await app.inject({ method: 'GET', url: '/plans' });
      expect(page.statusCode).toBe(200);
      const policy = String(page.headers['content-security-policy']);
      expect(policy).toBe(WEB_CSP);
      expect(directive(policy, 'script-src')).toBe("script-src 'self'");
      expect(policy).not.toContain('unsafe-eval');
      expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
      const api = await app.inject({ method: 'GET', url: '/api/health' });
      expect(api.headers['content-security-policy']).toBe(API_CSP);
    } finally {
      await app.close();
    }
  });

  it('keeps index.html free of inline script, so the policy needs no nonce and the file stays static', async () => {
    const source = await fs.readFile(path.join(here, '../../../web/index.html'), 'utf8');
    const scripts = [...source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body?.trim()).toBe('');
    }
    expect(source).not.toMatch(/\son[a-z]+=/i);
  });

  it('serves HTTPS natively from TLS_CERT and TLS_KEY, with HSTS and the CSP', async () => {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    // A self-signed certificate made here, for this test only.
    execFileSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ]);
    let server: RunningServer | undefined;
    try {
      const config = loadConfig({
        DATA_DIR: path.join(dir, 'data'),
        YAODIAN_DEMO: '0',
        TLS_CERT: cert,
        TLS_KEY: key,
      });
      server = await startServer({ ...config, port: 0 }, () => undefined);
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const ca = await fs.readFile(cert);
      const answer = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
        (resolve, reject) => {
          https
            .get(`${server?.url ?? ''}/api/health`, { ca }, (response) => {
              let body = '';
              response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
              response.on('end', () => {
                resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
              });
            })
            .on('error', reject);
        },
      );
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 'ok' });
      expect(answer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(answer.headers['content-security-policy']).toBe(API_CSP);
    } finally {
      await server?.close();
    }
  }, 180_000);

  it('refuses TLS_CERT without TLS_KEY, naming the missing one', () => {
    expect(() => loadConfig({ TLS_CERT: '/etc/ssl/cert.pem' })).toThrow(/TLS_KEY: required with TLS_CERT/);
  });
});
