// Builds only what changed since the last build: `npm start` and `npm install` (prepare) run this instead of
// the full `npm run build`. Each part's inputs are hashed (content, not mtime, so a checkout that rewrites
// files without changing them builds nothing); the digest is stamped after a successful build and compared
// next time. A missing output always builds. `npm run build` still builds everything unconditionally.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SKIP = new Set(['node_modules', 'dist', 'test-artifacts', 'coverage', '.git']);
const SHARED = ['package.json', 'package-lock.json', 'tsconfig.base.json'];
const PACKAGES = ['parser', 'core', 'server', 'cli'];

/** The parts of the build, in order; the web app bundles core, so a core change rebuilds both. */
export const PARTS = [
  {
    name: 'packages',
    inputs: [
      ...SHARED,
      ...PACKAGES.flatMap((p) => [
        `packages/${p}/src`,
        `packages/${p}/package.json`,
        `packages/${p}/tsconfig.json`,
      ]),
    ],
    outputs: PACKAGES.map((p) => `packages/${p}/dist`),
    command: ['npx', ['tsc', '-b', ...PACKAGES.map((p) => `packages/${p}`)]],
  },
  {
    name: 'web',
    inputs: [
      ...SHARED,
      'packages/core/src',
      'packages/web/src',
      'packages/web/public',
      'packages/web/build',
      'packages/web/index.html',
      'packages/web/package.json',
      'packages/web/tsconfig.json',
      'packages/web/vite.config.ts',
    ],
    outputs: ['packages/web/dist/index.html'],
    command: ['npm', ['run', 'build', '-w', 'packages/web']],
  },
];

function filesUnder(root, relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full)
    .filter((name) => !SKIP.has(name))
    .flatMap((name) => filesUnder(root, path.join(relative, name)));
}

/** A digest of every input file's path and content, independent of order on disk and of mtimes. */
export function digestOf(root, inputs) {
  const hash = createHash('sha256');
  const files = [...new Set(inputs.flatMap((input) => filesUnder(root, input)))].sort();
  for (const file of files) {
    hash.update(file.split(path.sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const stampFile = (root, part) =>
  path.join(root, 'node_modules', '.cache', 'yaodian-build', `${part.name}.sha256`);

/** Whether `part` must be built: an output is missing or an input changed since the stamped build. */
export function needsBuild(root, part) {
  if (part.outputs.some((output) => !existsSync(path.join(root, output)))) return 'output missing';
  const stamp = stampFile(root, part);
  if (!existsSync(stamp)) return 'never built here';
  return readFileSync(stamp, 'utf8').trim() === digestOf(root, part.inputs) ? null : 'sources changed';
}

export function writeStamp(root, part) {
  const stamp = stampFile(root, part);
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${digestOf(root, part.inputs)}\n`);
}

function main() {
  for (const part of PARTS) {
    const reason = needsBuild(ROOT, part);
    if (reason === null) {
      process.stdout.write(`yaodian: ${part.name} up to date (sources unchanged since the last build)\n`);
      continue;
    }
    process.stdout.write(`yaodian: building ${part.name} (${reason})\n`);
    const [command, args] = part.command;
    const run = spawnSync(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
    writeStamp(ROOT, part);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
