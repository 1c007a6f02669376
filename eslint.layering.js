// The layering rules of docs/ARCHITECTURE.md as ESLint configuration, in one module so that
// eslint.config.js applies them and eslint.layering.test.ts proves each one fires on a planted violation.
//
// ESLint's flat config replaces (does not merge) a rule's options when two blocks match one file, so each
// block below lists every restriction that applies to its files: the package's own bans plus the area's.

/** Imports of another workspace package by name. */
const packageBan = (name, from) => ({
  group: [`@yaodian/${name}`, `@yaodian/${name}/*`],
  message: `${from} must not import ${name}`,
});

/** Relative imports that leave the package for a sibling package's sources (the name check cannot see them). */
const siblingSourceBan = (from) => ({
  regex: String.raw`^(\.\./)+(parser|core|server|cli|web)/`,
  message: `${from} must not reach another package's sources by relative path; import the package by name`,
});

const kyselyBan = (where) => ({
  group: ['kysely', 'pg', '@electric-sql/pglite', '@electric-sql/pglite/*'],
  allowTypeImports: true,
  message: `${where} must not run SQL: call a repository function`,
});

const PACKAGE_BANS = {
  parser: ['core', 'server', 'web', 'cli'],
  core: ['server', 'web', 'cli'],
  server: ['web', 'cli'],
  cli: ['web'],
  web: ['parser', 'server', 'cli'],
};

const restrictedImports = (pkg, extra) => [
  'error',
  { patterns: [...PACKAGE_BANS[pkg].map((name) => packageBan(name, pkg)), siblingSourceBan(pkg), ...extra] },
];

/** The query-builder entry points: a call to one of these outside repositories/ is SQL in the wrong layer. */
const SQL_CALL =
  'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)$/]';
const NAMED_EXPORTS = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };
const noSql = (where) => [
  'error',
  NAMED_EXPORTS,
  { selector: SQL_CALL, message: `${where} must not build SQL: call a repository function` },
];

const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**', '**/test/**', '**/e2e/**', '**/bench/**'];

export const layering = [
  ...Object.keys(PACKAGE_BANS).map((pkg) => ({
    files: [`packages/${pkg}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': restrictedImports(pkg, []) },
  })),
  {
    // Routes are thin: they call services, never repositories, the database or Kysely.
    files: ['packages/server/src/http/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports('server', [
        { regex: String.raw`(^|/)repositories/`, message: 'routes call services, not repositories' },
        {
          regex: String.raw`(^|/)db/`,
          allowTypeImports: true,
          message: 'routes must not touch the database',
        },
        kyselyBan('a route'),
      ]),
      'no-restricted-syntax': noSql('a route'),
    },
  },
  {
    // Services hold the use cases; HTTP is a detail above them, SQL a detail below.
    files: ['packages/server/src/services/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports('server', [
        { regex: String.raw`(^|/)http/`, message: 'services must not import http/' },
        {
          group: ['kysely'],
          importNames: ['sql'],
          message: 'services must not write SQL: call a repository',
        },
      ]),
      'no-restricted-syntax': noSql('a service'),
    },
  },
  {
    // Domain rules are pure: no I/O, no repositories or services; database row types may be named.
    files: ['packages/server/src/domain/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports('server', [
        { regex: String.raw`(^|/)(repositories|services|http|jobs|ops)/`, message: 'domain/ must stay pure' },
        {
          regex: String.raw`(^|/)db/(?!schema\.js$)`,
          message: 'domain/ may name row types (db/schema.js) only',
        },
        kyselyBan('domain/'),
        {
          group: [
            'node:fs',
            'node:fs/*',
            'node:net',
            'node:http',
            'node:https',
            'node:child_process',
            'fs',
            'net',
          ],
          message: 'domain/ must not do I/O',
        },
      ]),
      'no-restricted-syntax': noSql('domain/'),
    },
  },
  {
    // Official documents are rendered from data a service has loaded; they read nothing themselves.
    files: ['packages/server/src/documents/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports('server', [
        {
          regex: String.raw`(^|/)(repositories|services|http|jobs|ops)/`,
          message: 'documents/ render what they are given; they load nothing',
        },
        { regex: String.raw`(^|/)db/`, message: 'documents/ render what they are given; they load nothing' },
        kyselyBan('documents/'),
      ]),
      'no-restricted-syntax': noSql('documents/'),
    },
  },
  {
    // Presenters shape what leaves the server; they read nothing.
    files: ['packages/server/src/presenters/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports('server', [
        // Row types named by a repository may be shaped here; its functions may not be called.
        {
          regex: String.raw`(^|/)repositories/`,
          allowTypeImports: true,
          message: 'presenters must not load data',
        },
        { regex: String.raw`(^|/)(services|http)/`, message: 'presenters must not load data' },
        kyselyBan('a presenter'),
      ]),
      'no-restricted-syntax': noSql('a presenter'),
    },
  },
  {
    // The CLI calls the server's services; it never builds SQL itself.
    files: ['packages/cli/src/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports('cli', [kyselyBan('the CLI')]),
      'no-restricted-syntax': noSql('the CLI'),
    },
  },
  {
    // Configuration is read in one place per process, so every setting is named, validated and documented.
    files: ['packages/server/src/**/*.ts', 'packages/cli/src/**/*.ts'],
    ignores: [...TESTS, '**/config/**', '**/config.ts', '**/main.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'read settings in the config module only' },
      ],
    },
  },
];
