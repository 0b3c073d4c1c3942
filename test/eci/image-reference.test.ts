import { imageReferenceProblem } from '../../src/eci/image-reference';

const HEX64 = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);
const problem = (image: string) => imageReferenceProblem(image, `'${image}'`);

describe('imageReferenceProblem: the distribution reference grammar', () => {
  test.each([
    'nginx',
    'nginx:1.25-alpine',
    'registry.cn-hangzhou.aliyuncs.com/ns/app:v1',
    `localhost:5000/a/b@sha256:${HEX64}`,
    `ns/app:tag@sha256:${HEX64}`,
    'docker.io/library/redis',
    'my_org/my__app-x.y:TAG_1.0',
    '[::1]:5000/app:1',
    '10.0.0.9:5000/app',
    'Registry.Example.com/app', // an upper-case registry host is allowed, an upper-case path is not
    `app@sha512:${'f'.repeat(128)}`,
  ])('accepts %s', (image) => {
    expect(problem(image)).toBeUndefined();
  });

  test.each([
    ['nginx latest', /white space/],
    [' nginx', /white space/],
    ['nginx\t', /white space/],
    ['Nginx', /'Nginx' has upper-case letters/],
    ['registry.cn-hangzhou.aliyuncs.com/NS/app:v1', /'NS' has upper-case letters/],
    ['nginx:', /the tag after ':' is empty/],
    ['http://registry.example.com/app:1', /URL scheme 'http:\/\/'/],
    ['https://nginx', /URL scheme/],
    ['nginx@sha256:abc', /a sha256 digest has 64 lowercase hex digits/],
    [`nginx@sha256:${HEX64.toUpperCase()}`, /a sha256 digest has 64 lowercase hex digits/],
    [`nginx@md5:${HEX64}`, /the digest algorithm 'md5' is not sha256/],
    ['nginx@', /the digest '' is not algorithm:hex/],
    ['nginx:-bad', /the tag '-bad' is not/],
    [`nginx:${'t'.repeat(129)}`, /the tag 't{129}' is not/],
    [`nginx:${'t'.repeat(300)}`, /the tag 't{80}…' is not/],
    ['a//b', /empty path component/],
    ['app/', /empty path component/],
    ['registry.example.com:port/app', /the registry port 'port' is not a number/],
    ['bad_host.com/app', /the registry host 'bad_host.com' is not/],
    ['ns/app-', /'app-' is not lowercase letters and digits/],
    [':tag', /the name is empty/],
    ['', /^is empty$/],
  ])('rejects %j', (image, message) => {
    const p = problem(image);
    expect(p).toBeDefined();
    expect(p!.problem).toMatch(message);
    expect(p!.fix.length).toBeGreaterThan(0);
  });

  test('the fix for a scheme is the image without it; for upper case, the lower-case component', () => {
    expect(problem('http://localhost:5000/app')!.fix).toBe("leave the scheme out: 'localhost:5000/app'");
    expect(problem('ns/MyApp:1')!.fix).toBe("repository names are lower case: write 'myapp'");
  });

  test('a name longer than 255 characters is rejected', () => {
    expect(problem(`${'a'.repeat(256)}:1`)!.problem).toMatch(/256 characters long; at most 255/);
    expect(problem(`${'a'.repeat(255)}:1`)).toBeUndefined();
  });
});
