import { Testing } from 'cdktf';
import { setupAlicloudJest } from '../src';

// Adds cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, ...).
Testing.setupJest();

// Adds toBeValidAlicloudConfig() (and its deprecated alias toBeValidAlicloudPlan()), toHaveIpv6Finding() and
// toPassTerraformValidate() (src/testing/jest).
setupAlicloudJest();

// Issue 21 (test time): every cdktf token (Lazy, Intrinsic, dynamic blocks, computed lists) records its creation
// stack, the whole stack, by reading `.stack` of a captured trace. Under jest that read goes through jest's
// source-map formatter, which clones and maps every frame: a fifth of the CPU of the suites that synthesize many
// stacks went there. The creation stacks are only printed in cdktf's messages about a token that fails to resolve.
// Here they are captured as a plain Node process captures them (V8's own frame text, positions in the
// transpiled JavaScript): the same frames, without the source mapping. Real errors (a failing test, a thrown
// error) keep jest's source-mapped stacks: only this capture formats its frames itself. Under test:cdktn the
// module is cdktn's (moduleNameMapper), whose captureCreationStack also honours CDKTN_DISABLE_CREATION_STACK.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stackTrace = require('cdktf/lib/tokens/private/stack-trace') as {
  captureStackTrace: (below?: Function) => string[];
  captureCreationStack?: () => string[];
};
function v8Frames(below: Function): string[] {
  const holder: { stack?: unknown } = {};
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  try {
    Error.stackTraceLimit = Number.MAX_SAFE_INTEGER;
    // This realm's own formatter is used before jest's (installed in the worker's main realm), and only while
    // the frames are read here.
    Error.prepareStackTrace = (_holder, callSites) => callSites.map((site) => `${site}`);
    Error.captureStackTrace(holder, below);
    return Array.isArray(holder.stack) ? holder.stack : [];
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
}
stackTrace.captureStackTrace = function captureStackTrace(below?: Function): string[] {
  return v8Frames(below ?? captureStackTrace);
};
if (typeof stackTrace.captureCreationStack === 'function') {
  stackTrace.captureCreationStack = function captureCreationStack(): string[] {
    const flag = process.env.CDKTN_DISABLE_CREATION_STACK;
    return flag === 'true' || flag === '1' ? [] : v8Frames(captureCreationStack);
  };
}
