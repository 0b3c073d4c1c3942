import * as path from 'path';
import { App } from 'cdktf';
import { FLAVOUR } from '../../src/core/flavour';

/**
 * Which flavour a test run exercises: `npm test` the sources with cdktf, `npx projen test:cdktn`
 * (ALICLOUD_IPV6_TEST_FLAVOUR=cdktn, test/cdktn/jest.config.js) the staged cdktn sources with cdktn. A mapping that
 * silently did not apply would run the cdktf flavour twice: this fails then.
 */
const expected = process.env.ALICLOUD_IPV6_TEST_FLAVOUR ?? 'cdktf';

test(`the sources under test are the ${expected} flavour, and their core is ${expected}`, () => {
  expect(FLAVOUR.core).toBe(expected);
  expect(FLAVOUR.packageName).toBe(`${expected}-alicloud-ipv6`);
  // the class the tests' `cdktf` import gives is the expected core's own
  expect(App).toBe(jest.requireActual(expected).App);
  expect(require.resolve('cdktf').split(path.sep).join('/')).toMatch(new RegExp(`/node_modules/${expected}/`));
  const flavourFile = require.resolve('../../src/core/flavour');
  expect(flavourFile.split(path.sep).join('/')).toMatch(expected === 'cdktn' ? /\/build\/cdktn\/src\/core\/flavour\.ts$/ : /(?<!build\/cdktn)\/src\/core\/flavour\.ts$/);
});

test('the sources\' own core import is the same core as the tests\'', () => {
  // src/index re-exports nothing of the core; a construct's scope must be of the tests' core, or the mixed-core
  // error (src/core) would fire in every suite
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require('../../src') as typeof import('../../src');
  const stack = new (jest.requireActual(expected).TerraformStack)(new App(), 's');
  expect(() => new lib.DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] })).not.toThrow();
});
