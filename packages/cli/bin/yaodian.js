#!/usr/bin/env node
// Committed entry so the bin link resolves right after install; the build (root `prepare`) writes dist/.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
