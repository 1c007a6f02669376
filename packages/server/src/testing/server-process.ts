// A server process for tests that start several (`npm start` with the environment given by the parent).
import { main } from '../main.js';

process.exitCode = await main();
