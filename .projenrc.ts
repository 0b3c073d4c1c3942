import { cdktf, javascript, TaskShell } from 'projen';

/**
 * cdktf-alicloud-ipv6: CDKTF L2 constructs for Alibaba Cloud IPv6 (VPC, vSwitches,
 * IPv6 gateway, IPv6 Internet bandwidth, ECI) with synth-time checks.
 *
 * Everything in package.json, tsconfig*.json, jest, eslint and .projen/ comes from here:
 * edit this file and run `npx projen`, never the generated files.
 */
const GENERATED_BINDINGS = 'src/providers/alicloud';

const project = new cdktf.ConstructLibraryCdktf({
  name: 'cdktf-alicloud-ipv6',
  description: 'CDKTF constructs for Alibaba Cloud IPv6: dual-stack VPCs, IPv6 gateways and Internet bandwidth, and Elastic Container Instances with IPv6, checked offline against the alicloud provider schema.',
  keywords: ['cdktf', 'terraform', 'alicloud', 'alibaba-cloud', 'ipv6', 'eci', 'vpc', 'constructs'],
  author: 'cdktf-alicloud-ipv6 contributors',
  authorAddress: 'noreply@example.com',
  repositoryUrl: 'https://github.com/example/cdktf-alicloud-ipv6',
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  jsiiVersion: '~6.0.0',
  cdktfVersion: '^0.21.0',
  constructsVersion: '^10.4.2',
  minNodeVersion: '20.0.0',
  // The dev copies of the peers are set in devDeps (constructs 10.7.2 serves cdktf 0.21 and cdktn 0.24), not
  // pinned to the peer ranges' minimum.
  peerDependencyOptions: { pinnedDevDependency: false },

  // No source maps in lib/: with inline maps (and the sources embedded, jsii's default) 3.1 MB of the 4.4 MB of
  // lib/*.js were maps, and stack traces (ts-node / --enable-source-maps) pointed into src/*.ts, which the
  // package does not ship. Without maps a trace names lib/*.js: shipped, readable tsc output, right lines.
  tsconfig: { compilerOptions: { inlineSourceMap: false, inlineSources: false } },

  // No GitHub here: CI is .ci/run on a clean clone.
  github: false,
  release: false,
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,

  // Runtime dependencies are bundled into the package, as jsii requires.
  // re2js: the provider's patterns are Go regexps (RE2); re2js matches them exactly as Go does.
  // The offline provider plugin (src/terraform/plugin): cty msgpack. Issue 21 (package size): its gRPC server,
  // .proto codec and AutoMTLS certificate are the package's own on Node's http2 and crypto (grpc-server.ts,
  // protobuf.ts, x509.ts): @grpc/grpc-js + proto-loader + protobufjs (+ @types/node) and selfsigned (pkijs,
  // @peculiar/*) bundled about 15 MB. They stay dev dependencies: the tests' independent gRPC client and certificates.
  bundledDeps: [
    're2js@^2.10.0',
    '@msgpack/msgpack@^3.1.3',
    // The check command (src/check): HCL to Terraform JSON with the parser cdktf itself uses.
    '@cdktf/hcl2json@0.21.0',
    // ipaddr.js: IPv4/IPv6 parsing, CIDR arithmetic and the RFC 5952 printer (src/core/cidr.ts).
    'ipaddr.js@^2.5.0',
  ],

  devDeps: [
    // CDK Terrain (issue 19): the cdktn flavour is compiled and tested against cdktn 0.24, whose peer range is
    // constructs >=10.6.0 <10.8.0; cdktf 0.21's (^10.4.2) includes it, so one constructs serves both cores here.
    'cdktf@0.21.0',
    'cdktn@0.24.0',
    'constructs@10.7.2',
    // API.md documents the constructs API every user has: the peer range's floor (10.4.2, without `with(mixins)`).
    'constructs-api-floor@npm:constructs@10.4.2',
    'cdktf-cli@0.21.0',
    '@cdktf/provider-generator@0.21.0',
    '@cdktf/commons@0.21.0',
    'codemaker',
    'fast-check@^4',
    // Stryker 10 needs Node 22; 9.6.x is the last line for Node 20.
    '@stryker-mutator/core@~9.6.1',
    '@stryker-mutator/jest-runner@~9.6.1',
    // test/check: the SARIF 2.1.0 JSON schema (shipped in @microsoft/jest-sarif), validated with ajv (draft-04).
    '@microsoft/jest-sarif@1.0.0-beta.0',
    'ajv@^8',
    'ajv-draft-04@^1',
    // test/terraform/plugin: the tests' gRPC client, protobuf codec and client certificates, from other
    // implementations than src/terraform/plugin (grpc-server.ts, protobuf.ts, x509.ts).
    '@grpc/grpc-js@^1.14.7',
    '@grpc/proto-loader@^0.8.1',
    'selfsigned@^5.5.0',
    // Issue 21 (test time): jest transpiles the TypeScript with swc (project.jest.config.transform below).
    '@swc/core@^1.16.22',
    '@swc/jest@^0.2.39',
  ],

  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'scripts', 'bench', 'projenrc'],
    // Issue 21: eslint (type-aware: projectService) is a third of `npm test`; unchanged files are not linted
    // again. The cache is in node_modules/ (ignored; a fresh clone, as in CI, lints everything). Caveat: a type-aware
    // finding (no-floating-promises) in an unchanged file caused by a change in another file shows only on a full lint.
    commandOptions: { extraArgs: ['--cache', '--cache-location', 'node_modules/.cache/eslint/', '--cache-strategy', 'content'] },
  },

  jestOptions: {
    // projen's default `jest --updateSnapshot` silently rewrites a wrong snapshot; never do that in `npm test`.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      // Coverage triples the run time on this 2-core machine; `npx projen test:coverage` collects it.
      collectCoverage: false,
      // One worker per core (jest's default leaves one core idle: on the 2-core CI machine that is one worker).
      // Measured 2026-12-06 on the idle 2-core machine: the whole suite 99–108 s with one worker, 64 s with two.
      maxWorkers: '100%',
      // Suites that start processes (the CLI, the plugin, fake terraform) share the cores with a second worker:
      // 30 s per test instead of jest's 5 s, so a loaded machine slows them without failing them.
      testTimeout: 30_000,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // Real Terraform on every synthesized stack takes minutes: its own task, test:terraform (CI runs it).
      // The packed library (tarball contents, a consumer app installing it) takes a minute: test:package.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/terraform-core/', '<rootDir>/test/package/'],
      coveragePathIgnorePatterns: ['/node_modules/', `/${GENERATED_BINDINGS}/`],
      setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
    },
  },
});

// Issue 21 (test time): jest's transform. ts-jest already only transpiled (test/tsconfig.json has isolatedModules,
// so it never type-checked), but with the TypeScript compiler: with an empty jest cache (a fresh clone) the whole
// suite took 188 s of CPU against 130 s warm; with swc (and test/setup.ts's cheaper creation stacks) 139 s cold,
// 124 s warm (README, Test times). Options as tsconfig.json compiles lib/: ES2022 (class fields defined),
// CommonJS, strict mode; inline source maps keep failures pointing at the .ts lines. No .swcrc is read. The types are checked by CI (.ci/run) and
// the editor, not by `npm test` (below). test/cdktn/jest.config.js takes the same transform.
// One difference from tsc's CommonJS: swc defines a module's exports as getters, which jest.spyOn cannot replace. The
// one module whose export a test spies on (src/rules/engine.ts: evaluateDocument, in
// test/testing/judged-findings.test.ts) keeps ts-jest (transpile-only, as before); jest uses the first pattern
// that matches. A new spy on another module's export fails with "Cannot redefine property": add its file here.
project.jest!.config.transform = {
  '/src/rules/engine\\.ts$': new javascript.Transform('ts-jest', { tsconfig: 'test/tsconfig.json' }),
  '^.+\\.[t]sx?$': new javascript.Transform('@swc/jest', {
    swcrc: false,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022', transform: { useDefineForClassFields: true } },
    module: { type: 'commonjs', strict: false, strictMode: true },
  }),
};

// jest's transform cache in the project (ignored with node_modules), not in jest's default /tmp/jest_<hash>: a folder
// other users of the machine can write would hand jest transpiled code to run (the security model: nothing trusted or
// executed from a place other users can write), and it was shared by every checkout on the machine.
project.jest!.config.cacheDirectory = '<rootDir>/node_modules/.cache/jest';

// `npm test` does not type-check: jest only transpiles (swc, as ts-jest did before with isolatedModules), and the type
// check of test/, examples/, scripts/ and bench/ is `tsc --noEmit` in .ci/run (and in any editor). A tsc step in
// `npm test` cost about 17 s of CPU on a fresh clone, a quarter of the 60 s goal on 2 cores (issue 21, README).

// examples/, scripts/ and bench/ are type-checked (and linted) but not part of the jsii package.
for (const dir of ['examples', 'scripts', 'bench']) {
  new javascript.TypescriptConfig(project, {
    fileName: `${dir}/tsconfig.json`,
    extends: javascript.TypescriptConfigExtends.fromPaths(['../tsconfig.json']),
    include: ['**/*.ts'],
    compilerOptions: { rootDir: '..', noEmit: true },
  });
}

// The generated bindings are not ours to lint or to reformat.
project.eslint?.addIgnorePattern(`${GENERATED_BINDINGS}/`);
project.eslint?.addIgnorePattern('cdktf.out/');
project.gitignore.exclude('cdktf.out/', '.gen/', 'test/**/cdktf.out/', 'reports/', '.stryker-tmp/');
project.npmignore?.exclude('/examples/', '/scripts/', '/bench/', '/.ci/', 'cdktf.json', 'cdktf.out/');
// Dev configuration and tool output (and the pre-commit hook file: pre-commit reads it from the git repository): not for users (test/project/package-contents.test.ts lists the tarball).
project.npmignore?.exclude('/.pre-commit-hooks.yaml', '/stryker.config.json', '/.stryker-tmp/', '/reports/', '/cdktf.json', '/test-reports/', '/coverage/', '*.tgz', '/tsconfig.dev.json', '/.eslintrc.json');

// API.md documents the library's own API (not the thousands of binding types: a list of them), the jest
// matchers, and is generated against the constructs a user installs (10.4.2), not projen's nested 10.8
// (whose Construct has with(mixins)): scripts/docgen.ts.
project.tasks.tryFind('docgen')?.reset('ts-node --project scripts/tsconfig.json scripts/docgen.ts');

// Environment for every task: no telemetry, no terraform lookups, no jsii Node 20 banner.
for (const [k, v] of Object.entries({
  CHECKPOINT_DISABLE: '1',
  TF_CLI_CONFIG_FILE: '/dev/null',
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
  JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION: '1',
})) {
  project.tasks.addEnvironment(k, v);
}

// Provider bindings: schema/ -> src/providers/alicloud (deterministic), and a drift check for CI.
project.addTask('gen:alicloud', {
  description: 'Regenerate the alicloud provider bindings (the types in scripts/gen-alicloud.ts BINDING_TYPES) from schema/alicloud-1.289.0.jsonl',
  exec: 'ts-node --project scripts/tsconfig.json scripts/gen-alicloud.ts',
});
project.addTask('pack:schema', {
  description: 'Rebuild schema/alicloud-1.289.0.jsonl from the full reference schema and constraints files (paths as arguments)',
  exec: 'ts-node --project scripts/tsconfig.json scripts/pack-schema.ts',
  receiveArgs: true,
});
project.addTask('check:bindings', {
  description: 'Fail when the committed bindings differ from what the committed schema generates',
  exec: 'ts-node --project scripts/tsconfig.json scripts/gen-alicloud.ts --check',
});

// The main job: synthesize the example stack to Terraform JSON with neither terraform nor network.
project.addTask('synth:example', {
  description: 'Synthesize examples/ipv6-eci to Terraform JSON (cdktf.out/stacks/*/cdk.tf.json)',
  exec: 'cdktf synth --output cdktf.out',
});

// Real Terraform core, offline, through the schema-only provider (src/terraform): validate on every synthesized
// stack, providers schema, plan/show, terraform test with mocks. Needs terraform on PATH (CI has it); without
// it the suites are skipped with a message (and fail under CI=true).
project.addTask('test:terraform', {
  description: 'Run the Terraform suites (test/terraform-core): real terraform validate/plan/test offline with the schema-only alicloud provider',
  // one worker: these suites share terraform workspaces, the provider mirror and the private cache (npm test's
  // suites run on every core; these were never proven safe in parallel)
  exec: 'jest --ci --maxWorkers=1 test/terraform-core --testPathIgnorePatterns /node_modules/',
});

// The check command's plan JSON fixtures, made with real Terraform offline (scripts/gen-check-fixtures.ts).
project.addTask('gen:check-fixtures', {
  description: 'Regenerate test/check/fixtures/plans/*.plan.json with terraform plan + show -json through the offline provider',
  exec: 'ts-node --project scripts/tsconfig.json scripts/gen-check-fixtures.ts',
});

// The package as a user gets it: the tarball's contents (no dev files), and a fresh cdktf app that installs the
// tarball and runs its own jest with the matchers registered from a setup.js. Needs lib/ (compile first); CI runs it.
project.addTask('test:package', {
  description: 'Pack the library (needs `npx projen compile` first): check the tarball for dev files, install it into a temp cdktf app and run its jest tests',
  // one worker: the suites pack into and read the same dist/ tarballs
  exec: 'jest --ci --maxWorkers=1 test/package --testPathIgnorePatterns /node_modules/',
});

// ---- CDK Terrain (issue 19): the cdktn flavour, `cdktn-alicloud-ipv6`, built from the same sources. ----
// scripts/flavour.ts stages build/cdktn/ (sources with 'cdktf' imports rewritten to 'cdktn', FLAVOUR's values, the
// package name in messages; its package.json with cdktn's peers and bin), compiles it with jsii and packs it beside
// the cdktf tarball. test:cdktn runs the construct, rule, matcher and example suites on the staged sources with
// cdktn (test/cdktn/jest.config.js); test:package installs both tarballs into fresh apps of their own core.
const FLAVOUR_SCRIPT = 'ts-node --project scripts/tsconfig.json scripts/flavour.ts';
project.gitignore.exclude('/build/');
project.npmignore?.exclude('/build/');
project.addTask('compile:cdktn', {
  description: 'Stage the cdktn flavour in build/cdktn (rewritten sources, its package.json) and compile it with jsii',
  exec: `${FLAVOUR_SCRIPT} compile`,
});
const packageCdktn = project.addTask('package:cdktn', {
  description: 'Compile the cdktn flavour and pack it: dist/js/cdktn-alicloud-ipv6@<version>.jsii.tgz (beside the cdktf tarball of `npx projen package`)',
  exec: `${FLAVOUR_SCRIPT} package`,
});
project.addTask('test:cdktn', {
  description: 'Run the construct, rule, matcher and example suites against the cdktn flavour (staged sources, cdktn core)',
  env: { ALICLOUD_IPV6_TEST_FLAVOUR: 'cdktn' },
  steps: [
    { exec: `${FLAVOUR_SCRIPT} stage` },
    { exec: 'jest --ci -c test/cdktn/jest.config.js test/cdktn test/vpc test/eci test/security-group test/rules test/testing test/examples test/core' },
  ],
});
project.tasks.tryFind('test:package')?.prependSpawn(packageCdktn);
// ---- end of CDK Terrain ----

project.addTask('test:coverage', {
  description: 'Run the tests with a coverage report (coverage/)',
  exec: 'jest --ci --coverage',
});

// Proof of correctness and speed (not part of `npm test`): a large property run, mutation testing, the benchmark.
project.addTask('test:props', {
  description: 'Run the property-based tests with a large number of cases (FC_NUM_RUNS overrides the 10000 default)',
  env: { FC_NUM_RUNS_DEFAULT: '10000' },
  exec: 'jest --ci --coverage=false test/properties',
});
project.addTask('mutation', {
  description: 'Mutation testing of the rule pack and construct validation with StrykerJS (slow; see stryker.config.json). '
    + 'Arguments go to stryker: `npx projen mutation --mutate src/rules/rules/ipv6-region.ts` runs one file.',
  exec: 'stryker run',
  receiveArgs: true,
});
project.addTask('bench', {
  description: 'Synth benchmark: our constructs + rule pack vs raw bindings vs JSON.stringify, N = 10, 100, 1000',
  exec: 'ts-node --project bench/tsconfig.json bench/synth-bench.ts',
});

project.addTask('bench:check', {
  description: 'check benchmark: `check plan.json` with N IPv6 ECIs vs JSON.parse + one walk of the same file, N = 100, 300, 1000; then time and peak RSS of `check` on a generated 5.5 MB HCL module',
  env: { TS_NODE_PROJECT: 'bench/tsconfig.json' },
  exec: 'node --expose-gc -r ts-node/register bench/check-bench.ts',
});

// Issue 21: start-up in fresh processes (cdktf vs cdktf + the library; `check` on a .tf.json and a .tf folder).
project.addTask('bench:startup', {
  description: 'Start-up benchmark on the compiled lib/: loading the library vs cdktf alone, and `check` on one-file folders',
  exec: 'ts-node --project bench/tsconfig.json bench/startup-bench.ts',
});

// projen's built-in shell (dax) reports a step killed by a signal as a success: a jest run killed for
// running out of memory (SIGABRT) or by the OOM killer (SIGKILL) would make `npm test` and CI pass.
// The system shell (/bin/sh) reports it as a failure. test/project/task-shell.test.ts checks both.
project.tasks.shell = TaskShell.system();

project.synth();
