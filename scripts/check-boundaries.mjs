// Runs dependency-cruiser (the import-boundary check, rules in .dependency-cruiser.cjs) with the
// command-line arguments given.
//
// Why a wrapper: dependency-cruiser parses TypeScript with the `typescript` package's JS compiler API
// and accepts only typescript < 7. The project's `typescript` is 7, the native compiler, which has no
// JS API. TypeScript 6 lives in the local package scripts/typescript-6 (npm nests it there because the
// root holds 7, so its `tsc` never shadows the project's); this script points dependency-cruiser's
// `typescript` look-ups (CommonJS require and ESM import) at it, for this process only.
import Module, { createRequire, register } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ts6Dir = fileURLToPath(new URL('./typescript-6/', import.meta.url));
const ts6Require = createRequire(path.join(ts6Dir, 'package.json'));
const isTypescript = (specifier) => specifier === 'typescript' || specifier.startsWith('typescript/');

// Without a parser dependency-cruiser silently skips .ts files and reports no violations: refuse instead.
const ts6Version = ts6Require('typescript/package.json').version;
if (!ts6Version.startsWith('6.')) {
  console.error(`check-boundaries: нужен TypeScript 6 в scripts/typescript-6, найден ${ts6Version}. Выполните npm ci.`);
  process.exit(1);
}

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, isMain, options) {
  if (isTypescript(request)) return resolveFilename.call(this, request, parent, isMain, { paths: [ts6Dir] });
  return resolveFilename.call(this, request, parent, isMain, options);
};

const main = pathToFileURL(ts6Require.resolve('typescript')).href;
const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === 'typescript') return { url: ${JSON.stringify(main)}, shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

// The CLI is not in the package's exports map; locate it from the main entry (src/main/index.mjs).
const cli = new URL('../../bin/dependency-cruise.mjs', import.meta.resolve('dependency-cruiser'));
process.argv.splice(1, 1, cli.pathname);
await import(cli.href);
