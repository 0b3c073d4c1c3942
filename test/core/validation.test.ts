import { TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { describeValue, PropValidator, quote } from '../../src/core/validation';

function errorOf(fill: (v: PropValidator) => void): string {
  const stack = new TerraformStack(Testing.app(), 'test');
  const v = new PropValidator(stack, 'Thing');
  fill(v);
  try {
    v.throwIfAny();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('quote: user input in messages', () => {
  test('control characters are escaped, so a value cannot break the lines of a message', () => {
    expect(quote('a\nb\tc\rd\u0007e\u2028')).toBe("'a\\nb\\tc\\rd\\u0007e\\u2028'");
  });

  test('long values are cut to 80 characters with an ellipsis; one just over a name limit is shown whole', () => {
    expect(quote('x'.repeat(129))).toBe(`'${'x'.repeat(129)}'`);
    expect(quote('x'.repeat(160))).toBe(`'${'x'.repeat(160)}'`);
    expect(quote('y'.repeat(161))).toBe(`'${'y'.repeat(80)}…'`);
    expect(quote('y'.repeat(5000))).toBe(`'${'y'.repeat(80)}…'`);
    expect(quote('😀'.repeat(200))).toBe(`'${'😀'.repeat(80)}…'`); // cut by characters, never inside a surrogate pair
  });

  test('tokens are written <token>, never as cdktf token text', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const v = new TerraformVariable(stack, 'v', {});
    expect(quote(`a-${v.stringValue}`)).toBe("'a-<token>'");
    expect(quote(v.stringValue)).toBe("'<token>'");
    expect(quote(`${v.numberValue} and ${Token.asNumberList(v.listValue)[0]} but 1e+300`)).toBe("'<token> and <token> but 1e+300'");
    expect(quote(`${Token.asList(v.stringValue)} ${Token.asStringMap(v.stringValue)['&{TfToken[TOKEN.0]}'] ?? ''}`)).not.toMatch(/TfToken/);
  });

  test('values that are not strings are described by their type, whatever they are', () => {
    expect(describeValue(5)).toBe('the number 5');
    expect(describeValue('5')).toBe("the string '5'");
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('nothing (undefined)');
    expect(describeValue([1, 2])).toBe('an array of 2 items');
    expect(describeValue({})).toBe('an object');
    expect(describeValue(Object.create(null))).toBe('an object');
    expect(describeValue({ toString: 'not callable' })).toBe('an object');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(new Map())).toBe('a Map');
    expect(describeValue(false)).toBe('false');
  });
});

describe('PropValidator type checks', () => {
  test('a wrong type names the prop, what was given and what is allowed', () => {
    const message = errorOf((v) => {
      expect(v.isString('name', 5)).toBe(false);
      expect(v.isNumber('size', '5')).toBe(false);
      expect(v.isBoolean('on', 'false')).toBe(false);
      expect(v.isStringList('zones', 'cn-huhehaote-a')).toBe(false);
      expect(v.isStringList('list', ['a', 7])).toBe(false);
      expect(v.isStringMap('tags', { a: 'b', c: null })).toBe(false);
      expect(v.isObject('spec', [], { required: true })).toBe(false);
      expect(v.isString('gone', undefined, { required: true, example: "'x'" })).toBe(false);
      expect(v.isString('nulled', null)).toBe(false);
    });
    expect(message).toBe([
      "Thing at 'test' has 9 invalid props:",
      '  - name: must be a string, got the number 5. Fix: pass a string, or leave name out.',
      "  - size: must be a number, got the string '5'. Fix: pass a number, or leave size out.",
      "  - on: must be true or false, got the string 'false'. Fix: pass true or false, or leave on out.",
      "  - zones: must be an array of strings, got the string 'cn-huhehaote-a'. Fix: pass an array of strings, or leave zones out.",
      '  - list[1]: must be a string, got the number 7. Fix: pass a string.',
      '  - tags.c: must be a string, got null. Fix: pass a string.',
      '  - spec: must be an object, got an empty array. Fix: pass an object.',
      "  - gone: is missing. Fix: pass a string, for example 'x'.",
      '  - nulled: must be a string, got null. Fix: pass a string, or leave nulled out (undefined, not null).',
    ].join('\n'));
  });

  test('right types, tokens and unset optional props pass', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const t = new TerraformVariable(stack, 't', {});
    const v = new PropValidator(stack, 'Thing');
    expect(v.isString('a', t.stringValue)).toBe(true);
    expect(v.isNumber('b', t.numberValue)).toBe(true);
    expect(v.isStringList('c', t.listValue)).toBe(true);
    expect(v.isStringMap('d', { k: t.stringValue })).toBe(true);
    expect(v.isBoolean('e', undefined)).toBe(true);
    expect(v.isReference('f', { vpcId: 'vpc-1', vSwitches: [] }, { vpcId: 'string', vSwitches: 'array' }, 'a VPC')).toBe(true);
    expect(v.ok).toBe(true);
  });

  test('a secret is described by its type only', () => {
    const message = errorOf((v) => v.isString('password', 123456789, { secret: true }));
    expect(message).toContain('password: must be a string, got a number.');
    expect(message).not.toContain('123456789');
  });

  test('a reference without its members says which are missing', () => {
    const message = errorOf((v) => v.isReference('vpc', { vpcId: 5 }, { vpcId: 'string', vSwitches: 'array' }, 'a VPC (IDualStackVpc)', { example: 'a DualStackVpc' }));
    expect(message).toContain('  - vpc: must be a VPC (IDualStackVpc), but an object was given without vpcId (a string, got the number 5), vSwitches (an array, got nothing (undefined)). Fix: pass a VPC (IDualStackVpc), for example a DualStackVpc.');
  });

  test('no message prints a token or a raw control character, whichever check wrote it', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const t = new TerraformVariable(stack, 't', {});
    const message = errorOf((v) => v.add('commands', `has a bad\nline ${t.stringValue}`, `write commands: ['${t.stringValue}']`));
    expect(message).toBe("Thing at 'test' has 1 invalid prop:\n  - commands: has a bad\\nline <token>. Fix: write commands: ['<token>'].");
    expect(message).not.toMatch(/TfToken/);
  });

  test('a validator without a construct names the call only', () => {
    const v = new PropValidator(undefined, 'Probe.httpGet');
    v.isNumber('options.port', 'x', { required: true });
    expect(() => v.throwIfAny()).toThrow("Probe.httpGet has 1 invalid prop:\n  - options.port: must be a number, got the string 'x'. Fix: pass a number.");
  });
});
