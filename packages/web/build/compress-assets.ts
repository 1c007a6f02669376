import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Files worth compressing; images and fonts the app ships are already compressed or tiny. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/** The sign-in page may load at most this much compressed JS and CSS (issue 7, item 13). */
export const SIGN_IN_BUDGET_BYTES = 300 * 1024;

export interface FirstLoad {
  files: string[];
  brotliBytes: number;
  gzipBytes: number;
  rawBytes: number;
}

/** The files index.html loads before anything else: its scripts, module preloads and style sheets. */
export function firstLoadFiles(indexHtml: string): string[] {
  const found = new Set<string>();
  for (const match of indexHtml.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/([^"]+\.(?:js|css))"/g)) {
    if (match[1] !== undefined) found.add(match[1]);
  }
  return [...found];
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every text asset once, at build time, so the server sends
 * them as they are (never compressing per request), and prints what the sign-in page loads.
 */
export function compressAssets(
  report: (line: string) => void = (line) => {
    console.log(line);
  },
): Plugin {
  let outDir = 'dist';
  return {
    name: 'yaodian-compress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const sizes = new Map<string, { raw: number; br: number; gz: number }>();
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const file = path.join(outDir, fileName);
        const bytes = await readFile(file);
        const br = brotliCompressSync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        });
        const gz = gzipSync(bytes, { level: 9 });
        await writeFile(`${file}.br`, br);
        await writeFile(`${file}.gz`, gz);
        sizes.set(fileName, { raw: bytes.length, br: br.length, gz: gz.length });
      }
      const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
      const load = measure(firstLoadFiles(html), sizes);
      const kb = (n: number) => (n / 1024).toFixed(1);
      report(
        `yaodian: sign-in page loads ${String(load.files.length)} JS/CSS files: ` +
          `${kb(load.brotliBytes)} kB brotli, ${kb(load.gzipBytes)} kB gzip, ${kb(load.rawBytes)} kB raw ` +
          `(budget ${kb(SIGN_IN_BUDGET_BYTES)} kB compressed)`,
      );
      if (load.brotliBytes > SIGN_IN_BUDGET_BYTES)
        this.warn(`the sign-in page is over its budget of ${kb(SIGN_IN_BUDGET_BYTES)} kB`);
    },
  };
}

function measure(files: string[], sizes: Map<string, { raw: number; br: number; gz: number }>): FirstLoad {
  const load: FirstLoad = { files, brotliBytes: 0, gzipBytes: 0, rawBytes: 0 };
  for (const file of files) {
    const size = sizes.get(file);
    if (!size) continue;
    load.brotliBytes += size.br;
    load.gzipBytes += size.gz;
    load.rawBytes += size.raw;
  }
  return load;
}
