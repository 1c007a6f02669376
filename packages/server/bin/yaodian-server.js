#!/usr/bin/env node
// Committed entry; the build (root `npm run build`) writes dist/.
import { main } from '../dist/main.js';

process.exitCode = await main();
