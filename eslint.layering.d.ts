import type { Linter } from 'eslint';

/** The layering rules (eslint.layering.js), typed for the test that plants violations. */
export declare const layering: Linter.Config[];
