// `node -r ./test/ts-register.js file.ts`: what `-r ts-node/register/transpile-only` does for the tests' child
// processes (each .ts file transpiled alone with the compiler options of tsconfig.json, emitted as CommonJS),
// with the output kept on disk between processes: node_modules/.cache/ts-register/, named by a hash of the
// TypeScript version, the options, the file's path and its text (a changed file is transpiled again).
//
// Why (issue 21): a child process on src/ through ts-node spent about 2 s of CPU loading the TypeScript
// compiler and transpiling the same files as every other child; with the cache it loads no compiler at all.
// Type checking is not the children's business: `tsc --noEmit` over src/ and test/ does it (.ci/run).
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'ts-register');
const TS_VERSION = require('typescript/package.json').version;
const TSCONFIG = fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf-8');

let compilerOptions;
function transpile(text, filename) {
  const ts = require('typescript');
  if (!compilerOptions) {
    const parsed = ts.parseJsonConfigFileContent(ts.parseConfigFileTextToJson('tsconfig.json', TSCONFIG).config, ts.sys, ROOT);
    compilerOptions = { ...parsed.options, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, sourceMap: false, inlineSourceMap: false, declaration: false, noEmit: false };
  }
  return ts.transpileModule(text, { compilerOptions, fileName: filename }).outputText;
}

require.extensions['.ts'] = function load(module, filename) {
  const text = fs.readFileSync(filename, 'utf-8');
  const key = crypto.createHash('sha256').update(`${TS_VERSION}\0${TSCONFIG}\0${filename}\0${text}`).digest('hex');
  const file = path.join(CACHE, `${key}.js`);
  let js;
  try {
    js = fs.readFileSync(file, 'utf-8');
  } catch {
    js = transpile(text, filename);
    try {
      fs.mkdirSync(CACHE, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, js);
      fs.renameSync(tmp, file); // atomic: a concurrent child reads the whole file or none
    } catch {
      // a read-only tree: transpile every time
    }
  }
  module._compile(js, filename);
};
