import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config/config.js';
import { DEMO_PASSWORD } from './demo/seed.js';
import { startServer } from './server.js';

// `npm start` on the embedded database in a fresh data directory, whatever DATABASE_URL the suite runs with.
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-start-'));
afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('migrates and seeds a new data directory, serves over HTTP, and keeps the data across a restart', async () => {
    const config = { ...loadConfig({ DATA_DIR: dataDir, YAODIAN_NOW: '2026-04-15T02:00:00Z' }), port: 0 };
    const lines: string[] = [];
    const first = await startServer(config, (line) => lines.push(line));
    const address = first.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', time: '2026-04-15T02:00:00.000Z', demo: true });
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'planner', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/yd_session=.*HttpOnly.*SameSite=Lax/i);
    // The demo seeds the city's plan and, through the cascade, its counties' copies.
    const seeded = await first.database.db
      .selectFrom('plans')
      .select(['id', 'title'])
      .orderBy('id')
      .execute();
    expect(seeded.length).toBeGreaterThanOrEqual(1);
    await first.close();
    expect(lines.join('\n')).toContain('seeding the demo');

    const again: string[] = [];
    const second = await startServer(config, (line) => again.push(line));
    const plans = await second.database.db
      .selectFrom('plans')
      .select(['id', 'title'])
      .orderBy('id')
      .execute();
    await second.close();
    // Kept, and not seeded a second time.
    expect(plans).toEqual(seeded);
    expect(again.join('\n')).not.toContain('seeding');
    expect(again.join('\n')).not.toContain('applied migrations');
  }, 120_000);

  it('等保2.0 身份鉴别 · no default credentials: a production start seeds no account and says how to create the first', async () => {
    const prodDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-prod-'));
    try {
      const config = { ...loadConfig({ DATA_DIR: prodDir, NODE_ENV: 'production' }), port: 0 };
      const lines: string[] = [];
      const server = await startServer(config, (line) => lines.push(line));
      const address = server.app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      const users = await server.database.db.selectFrom('users').select('username').execute();
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
      });
      await server.close();
      expect(await health.json()).toMatchObject({ status: 'ok', demo: false });
      expect(users).toEqual([]);
      expect(login.status).toBe(401);
      expect(lines.join('\n')).not.toContain(DEMO_PASSWORD);
      expect(lines.join('\n')).toContain('yaodian tenant add');
    } finally {
      await fs.rm(prodDir, { recursive: true, force: true });
    }
  }, 120_000);
});
