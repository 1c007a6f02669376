/**
 * The server as `npm start` runs it, from the sources (so a test needs no build): configured by the
 * environment. Crash tests start it as a child process and SIGKILL it.
 */
import { main } from '../main.js';

process.exitCode = await main();
