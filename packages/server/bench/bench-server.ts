/**
 * The server process `bench-api.ts` drives: started with tsx, on a port of its own, configured by the environment
 * (DATA_DIR, DATABASE_URL, YAODIAN_NOW). Runs the sources, or with BENCH_SERVER=dist the built server
 * (`npm run build` first) — as in production, where a plan document's reading worker loads built JavaScript
 * instead of registering the TypeScript loader for each document. Prints `port <n>` once listening; stops on SIGTERM.
 */
const built = process.env.BENCH_SERVER === 'dist';
const { loadConfig } = built
  ? await import('../dist/config/config.js')
  : await import('../src/config/config.js');
const { startServer } = built ? await import('../dist/server.js') : await import('../src/server.js');

const server = await startServer({ ...loadConfig(process.env), port: 0 }, () => undefined);
const address = server.app.server.address();
console.log(`port ${String(typeof address === 'object' && address ? address.port : 0)}`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
