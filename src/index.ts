// The jest matchers' TypeScript declarations (no code): any test that imports the package sees them.
import './testing/jest-matchers';
// Public exports only. The generated provider bindings are the `alicloud` submodule.
export * as alicloud from './providers/alicloud';
export * from './vpc';
export * from './security-group';
export * from './eci';
export * from './testing';
export * from './rules';
