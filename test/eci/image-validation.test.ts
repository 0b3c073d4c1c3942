import { TerraformVariable, Testing } from 'cdktf';
import { errorOf, setup } from './util';
import { ContainerGroup, ContainerGroupFleet } from '../../src';

const HEX64 = '0123456789abcdef'.repeat(4);

/** The construct's error for one container with `image`, or '' when it is accepted (and the stack synthesizes). */
function outcome(kind: 'native' | 'ros' | 'fleet', image: string): string {
  const { stack, vpc, securityGroup } = setup();
  const containers = [{ name: 'app', image }];
  try {
    if (kind === 'fleet') new ContainerGroupFleet(stack, 'App', { vpc, securityGroup, containers, minSize: 1, maxSize: 1 });
    else new ContainerGroup(stack, 'App', { vpc, securityGroup, containers, ipv6AddressCount: kind === 'ros' ? 1 : 0 });
  } catch (e) {
    return (e as Error).message;
  }
  Testing.synth(stack, true);
  return '';
}

describe('container images must be image references', () => {
  test.each([
    'nginx',
    'nginx:1.25-alpine',
    'registry.cn-hangzhou.aliyuncs.com/ns/app:v1',
    `localhost:5000/a/b@sha256:${HEX64}`,
    `ns/app:tag@sha256:${HEX64}`,
  ])('%s is accepted by every backend', (image) => {
    for (const kind of ['native', 'ros', 'fleet'] as const) expect(outcome(kind, image)).toBe('');
  });

  test.each([
    ['nginx latest', "containers[0].image: 'nginx latest' is not an image reference: it contains white space. Fix: remove the spaces."],
    ['Nginx:1.25', "containers[0].image: 'Nginx:1.25' is not an image reference: the repository path component 'Nginx' has upper-case letters. Fix: repository names are lower case: write 'nginx'."],
    ['nginx:', "containers[0].image: 'nginx:' is not an image reference: the tag after ':' is empty."],
    ['http://registry.example.com/app:1', "containers[0].image: 'http://registry.example.com/app:1' is not an image reference: it starts with the URL scheme 'http://'. Fix: leave the scheme out: 'registry.example.com/app:1'."],
    [`nginx@sha256:${HEX64.slice(1)}`, 'containers[0].image: \'nginx@sha256:'],
    ['nginx@sha256:xyz', "a sha256 digest has 64 lowercase hex digits, not 'xyz'"],
  ])('%j is rejected by every backend, naming the construct path and the prop', (image, expected) => {
    const names = { native: 'ContainerGroup', ros: 'ContainerGroup', fleet: 'ContainerGroupFleet' };
    for (const kind of ['native', 'ros', 'fleet'] as const) {
      const message = outcome(kind, image);
      expect(message).toContain(`${names[kind]} at 'test/App' has 1 invalid prop:`);
      expect(message).toContain(expected);
    }
  });

  test('an image that is a token, or holds one, is not checked (known at apply)', () => {
    const { stack, vpc, securityGroup } = setup();
    const registry = new TerraformVariable(stack, 'registry', { type: 'string' });
    new ContainerGroup(stack, 'App', { vpc, securityGroup, containers: [{ name: 'app', image: registry.stringValue }, { name: 'bb', image: `${registry.stringValue}/ns/B:1` }] });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('the empty image keeps its own message', () => {
    expect(errorOf(() => {
      const { stack, vpc, securityGroup } = setup();
      new ContainerGroup(stack, 'App', { vpc, securityGroup, containers: [{ name: 'app', image: ' ' }] });
    })).toContain("containers[0].image: is empty. Fix: set an image, e.g. 'nginx:alpine'.");
  });
});
