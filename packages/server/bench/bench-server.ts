/**
 * The server process `bench-api.ts` drives: started from src with tsx, on a port of its own, configured by
 * the environment (DATA_DIR, DATABASE_URL, YAODIAN_NOW). Prints `port <n>` once listening; stops on SIGTERM.
 */
import { loadConfig } from '../src/config/config.js';
import { startServer } from '../src/server.js';

const server = await startServer({ ...loadConfig(process.env), port: 0 }, () => undefined);
const address = server.app.server.address();
console.log(`port ${String(typeof address === 'object' && address ? address.port : 0)}`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
