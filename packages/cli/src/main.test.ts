import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';

function run(argv: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdout: (s: string) => out.push(s),
    stderr: (s: string) => err.push(s),
    readStdin: () => Promise.resolve(new TextEncoder().encode(stdin)),
  };
  return main(argv, io).then((code) => ({ code, stdout: out.join(''), stderr: err.join('') }));
}

const dir = mkdtempSync(join(tmpdir(), 'yaodian-cli-'));
const planFile = join(dir, 'plan.txt');
writeFileSync(
  planFile,
  '2026年青山县卫生健康工作计划\n一、深化医改\n（一）推进医共体建设。（基卫科牵头，医政科配合）\n',
);

describe('yaodian parse', () => {
  it('prints Plan JSON for a file and exits 0', async () => {
    const r = await run(['parse', planFile, '--json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { schema: string; meta: { title: string } };
    expect(plan.schema).toBe('yaodian.plan/v1');
    expect(plan.meta.title).toBe('2026年青山县卫生健康工作计划');
  });

  it('prints a readable tree with --text', async () => {
    const r = await run(['parse', planFile, '--text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[一] 推进医共体建设');
    expect(r.stdout).toContain('牵头: 基卫科');
  });

  it('reads standard input when the file is -', async () => {
    const r = await run(['parse', '-'], '一、加强党建\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ items: [{ number: '一', title: '加强党建' }] });
  });

  it('exits 2 with one line naming the file when it cannot be read', async () => {
    const r = await run(['parse', join(dir, 'missing.docx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.docx: .*ENOENT/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 with the error code for an oversized file', async () => {
    const r = await run(['parse', planFile, '--max-bytes', '8']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('too_large');
  });

  it('exits 2 for unsupported binary input', async () => {
    const bin = join(dir, 'junk.bin');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 0]));
    const r = await run(['parse', bin]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unsupported_format');
  });

  it('exits 2 when both --json and --text are given', async () => {
    expect((await run(['parse', planFile, '--json', '--text'])).code).toBe(2);
  });

  it('exits 2 for an unknown command', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('frobnicate');
  });
});
