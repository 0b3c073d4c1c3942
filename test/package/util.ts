import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** Fails with a clear message when lib/ has not been compiled (these tests pack the compiled library). */
export function requireCompiledLib(): void {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js')) || !fs.existsSync(path.join(ROOT, '.jsii'))) {
    throw new Error('lib/ is not compiled: run `npx projen compile` before `npx projen test:package`');
  }
}

/** One file of `npm pack --json`. */
export interface PackedFile { readonly path: string; readonly size: number }
/** What `npm pack --json` says about the tarball. */
export interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly entryCount: number;
  readonly files: PackedFile[];
}

/** `npm pack --json` of the repository (`--dry-run` lists without writing; else the tarball goes to `destination`). */
export function npmPack(options: { dryRun: true } | { destination: string }): PackResult {
  const args = ['pack', '--json', '--ignore-scripts', ...('dryRun' in options ? ['--dry-run'] : ['--pack-destination', options.destination])];
  const out = execFileSync('npm', args, { cwd: ROOT, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out)[0];
}

/**
 * A consumer app's jest set-up, as each core's template makes it: jest with ts-jest, and a setup.js that
 * registers the core's matchers and ours.
 */
export function consumerJestFiles(core: string, packageName: string): Record<string, string> {
  return {
    'jest.config.js': `module.exports = {
  testEnvironment: 'node',
  testMatch: ['**/?(*.)+(spec|test).ts'],
  transform: { '^.+\\\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFilesAfterEnv: ['<rootDir>/setup.js'],
};
`,
    'setup.js': `const { Testing } = require('${core}');
const { setupAlicloudJest } = require('${packageName}');
Testing.setupJest();
setupAlicloudJest();
`,
  };
}
