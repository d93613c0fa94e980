// Runs a TypeScript benchmark without a build: `node bench/run-ts.cjs bench/<name>.bench.ts`.
// Compiles each .ts file on require with swc (as jest does) and maps @app/* to libs/*/src.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = /^@app\/([^/]+)$/.exec(request);
  return resolve.call(this, match ? path.join(root, 'libs', match[1], 'src', 'index.ts') : request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    // Decorator metadata as jest and tsc emit it, so benchmarks can boot Nest modules.
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(path.resolve(process.argv[2]));
