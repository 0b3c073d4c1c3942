import {
  AttributeSensitivity, checkSecretExpression, PathStep, referencesSensitiveValue, schemaSensitivity, SecretLookups,
} from '../../src/eci/secret-expression';
import { loadSchemaIndex } from '../../src/schema/schema-index';

const LITERAL = 'Hunter2-do-not-leak';

/** A stack seen through lookups: sensitive pw, token, k; plain user; locals; a few attributes. */
const variables: Record<string, boolean> = { pw: true, token: true, k: true, user: false };
const locals: Record<string, string> = {
  secret: '${upper(var.pw)}',
  chain: '${local.secret}',
  plain: '${var.user}',
  lit: LITERAL,
  loopA: '${local.loopB}',
  loopB: '${local.loopA}',
  self: '${local.self}',
};
const attributeCalls: Array<[string, string, readonly PathStep[]]> = [];
const lookups: SecretLookups = {
  variableSensitive: (name) => variables[name],
  localExpression: (name) => locals[name],
  attributeSensitivity: (kind, type, path): AttributeSensitivity => {
    attributeCalls.push([kind, type, path]);
    if (type.startsWith('random_')) return 'unknown-type';
    const last = path.filter((s) => s !== undefined).pop();
    // secret_data is sensitive on data sources only, password on resources only
    if ((kind === 'data' && last === 'secret_data') || (kind === 'resource' && last === 'password')) return 'sensitive';
    if (last === 'id' || last === 'secret_data' || last === 'password') return 'not-sensitive';
    return 'unknown-attribute';
  },
};

const check = (expression: string) => checkSecretExpression(expression, lookups);
const reason = (expression: string): string => {
  const r = check(expression);
  if (r.ok) throw new Error(`expected a rejection of ${expression}`);
  expect(r.reason).not.toContain(LITERAL);
  return r.reason;
};

const LITERAL_TEXT = 'has literal text outside a reference, which would be written in plain text to cdk.tf.json';
const CANNOT_PARSE = 'has syntax this check cannot parse';

describe('checkSecretExpression: accepted', () => {
  test.each([
    ['one sensitive variable', '${var.pw}'],
    ['a function of one', '${trimspace(var.pw)}'],
    ['two interpolations and nothing else', '${var.pw}${var.token}'],
    ['the empty string and a tuple', '${join("", [var.pw, var.token])}'],
    ['keywords and a conditional', '${var.pw == null ? var.token : var.pw}'],
    ['true and false', '${var.pw != true && var.token != false}'],
    ['every binary operator', '${var.pw + var.token - var.k * var.pw / var.token % var.k < var.pw > var.token <= var.k >= var.pw || var.token}'],
    ['unary operators', '${!var.pw}${-var.token}'],
    ['parentheses and spaces', '${ ( var.pw ) }'],
    ['runs of white space and new lines', '${  \n\t var.pw  +\n  var.token \n}'],
    ['strip markers', '${~ var.pw ~}'],
    ['a local of a sensitive variable', '${local.secret}'],
    ['a chain of locals', '${local.chain}'],
    ['a sensitive data source attribute', '${data.alicloud_kms_secret_versions.s.versions[0].secret_data}'],
    ['a sensitive resource attribute with a count index', '${alicloud_db_account.s[0].password}'],
    ['an index made of two sensitive values', '${var.pw[var.k + var.token]}'],
    ['sensitive() around a value of another provider', '${sensitive(random_password.p.result)}'],
    ['sensitive() around a plain variable', '${sensitive(var.user)}'],
    ['a provider function', '${provider::util::decode(var.pw)}'],
    ['a literal index in the reference', '${var.pw["key"]}${var.pw[0]}${var.pw.0}'],
    ['splats', '${var.pw[*].a}${var.pw.*.b}'],
    ['an index that is a sensitive value', '${var.pw[var.k]}'],
    ['an expanded last argument and a trailing comma', '${concat(var.pw...)}${f(var.pw,)}'],
    ['a template in quotes', '${"${var.pw}"}'],
    ['an object with a computed key', '${jsonencode({(var.k) = var.pw, (var.token): var.pw})}'],
    ['an attribute of a function result', '${f(var.pw)[0].x}'],
  ])('%s', (_what, expression) => {
    expect(check(expression)).toEqual({ ok: true });
  });
});

describe('checkSecretExpression: literal text', () => {
  test.each([
    ['a literal in a function', `\${trimspace("${LITERAL}")}`],
    ['text before a sensitive variable', `${LITERAL}\${var.pw}`],
    ['text after it', `\${var.pw}${LITERAL}`],
    ['a single space', ' ${var.pw}'],
    ['an escaped interpolation', '$${var.pw}'],
    ['an escaped interpolation that is not an expression', '$${}'],
    ['an escaped directive', '%%{x}${var.pw}'],
    ['a quoted string with escapes', `\${"\\"${LITERAL}\\"" == var.pw}`],
    ['text in a quoted template', `\${"${LITERAL}\${var.pw}"}`],
    ['a literal inside sensitive()', `\${sensitive("${LITERAL}")}`],
    ['a literal index expression', `\${var.pw[f("${LITERAL}")]}`],
    ['a template index with text', `\${var.pw["${LITERAL}\${var.token}"]}`],
    ['an object key', '${jsonencode({user = var.pw})}'],
    ['a quoted object key', `\${jsonencode({"${LITERAL}" = var.pw})}`],
    ['a literal only', LITERAL],
  ])('%s', (_what, expression) => {
    expect(reason(expression)).toBe(LITERAL_TEXT);
  });

  test('a literal number', () => {
    expect(reason('${var.pw + 1234}')).toBe('has a literal number outside a reference, which would be written to cdk.tf.json');
    expect(reason('${substr(var.pw, 0, 2.5e3)}')).toBe('has a literal number outside a reference, which would be written to cdk.tf.json');
    expect(reason('${var.pw * 1e-3}')).toBe('has a literal number outside a reference, which would be written to cdk.tf.json');
    expect(reason('${var.pw[0 + var.k]}')).toBe('has a literal number outside a reference, which would be written to cdk.tf.json');
  });
});

describe('checkSecretExpression: what it references', () => {
  test('a variable that is not sensitive, alone, in a function, in an index, after a sensitive one', () => {
    const plain = 'references var.user, which is not sensitive, so Terraform would print the value in the plan';
    expect(reason('${var.user}')).toBe(plain);
    expect(reason('${upper(var.user)}')).toBe(plain);
    expect(reason('${var.pw[var.user]}')).toBe(plain);
    expect(reason('${var.pw["${var.user}"]}')).toBe(plain);
    expect(reason('${var.pw}${var.user}')).toBe(plain);
    expect(reason('${var.pw == "" ? var.user : var.pw}')).toBe(plain);
  });

  test('a variable the stack does not have', () => {
    expect(reason('${var.nope}')).toBe('references var.nope, which is not a variable of this stack');
  });

  test('locals are followed, with the reason of their own expression', () => {
    expect(reason('${local.plain}')).toBe('references local.plain, whose expression references var.user, which is not sensitive, so Terraform would print the value in the plan');
    expect(reason('${local.lit}')).toBe(`references local.lit, whose expression ${LITERAL_TEXT}`);
    expect(reason('${local.nope}')).toBe('references local.nope, which is not a local of this stack with a string expression');
    expect(reason('${local.self}')).toBe('references local.self, whose expression references local.self, which refers back to itself');
    expect(reason('${local.loopA}')).toBe('references local.loopA, whose expression references local.loopB, whose expression references local.loopA, which refers back to itself');
  });

  test('resource and data source attributes, by the schema', () => {
    attributeCalls.length = 0;
    expect(reason('${alicloud_vswitch.a.id}')).toBe('references alicloud_vswitch.a.id, which the provider schema does not mark sensitive, so Terraform would print the value in the plan');
    expect(reason('${data.alicloud_x.a.versions[0].other}')).toBe('references data.alicloud_x.a.versions[…].other, which the provider schema does not know, so it is not known to be sensitive');
    expect(reason('${random_password.p.result}')).toBe('references random_password.p.result, whose type is not in the alicloud provider schema, so it is not known to be sensitive');
    expect(attributeCalls).toEqual([
      ['resource', 'alicloud_vswitch', ['id']],
      ['data', 'alicloud_x', ['versions', undefined, 'other']],
      ['resource', 'random_password', ['result']],
    ]);
  });

  test('a whole resource, data source or something else is not a sensitive value', () => {
    expect(reason('${alicloud_kms_secret.s}')).toBe('references the whole of alicloud_kms_secret.s, not one sensitive attribute');
    expect(reason('${alicloud_kms_secret.s[0]}')).toBe('references the whole of alicloud_kms_secret.s[…], not one sensitive attribute');
    expect(reason('${data.alicloud_kms_secrets.s}')).toBe('references the whole of data.alicloud_kms_secrets.s, not one sensitive attribute');
    expect(reason('${data.alicloud_kms_secrets}')).toBe('references data.alicloud_kms_secrets, which is not a sensitive value');
    expect(reason('${data[0].x.y}')).toBe('references data[…].x.y, which is not a sensitive value');
    expect(reason('${var}')).toBe('references var, which is not a sensitive value');
    expect(reason('${local[0]}')).toBe('references local[…], which is not a sensitive value');
    expect(reason('${alicloud_kms_secret[0].password}')).toBe('references alicloud_kms_secret[…].password, which is not a sensitive value');
    for (const root of ['count.index', 'each.value', 'self.password', 'path.module', 'terraform.workspace', 'module.m.password']) {
      expect(reason(`\${${root}}`)).toBe(`references ${root}, which is not a sensitive value`);
    }
  });

  test('nonsensitive() is refused; nothing referenced is refused', () => {
    expect(reason('${nonsensitive(var.pw)}')).toBe('uses nonsensitive(), which makes Terraform print the value in the plan');
    const none = 'references no value; a secret must come from a sensitive variable or a sensitive attribute';
    expect(reason('${uuid()}')).toBe(none);
    expect(reason('${sensitive(timestamp())}')).toBe(none);
    expect(reason('${null}')).toBe(none);
    expect(reason('')).toBe(none);
  });

  test('the first problem is reported', () => {
    expect(reason('${var.user}${var.nope}')).toBe('references var.user, which is not sensitive, so Terraform would print the value in the plan');
    expect(reason('${var.nope}${var.user}')).toBe('references var.nope, which is not a variable of this stack');
  });
});

describe('checkSecretExpression: fails closed on what it cannot parse', () => {
  test.each([
    ['a for expression in a tuple', '${[for x in var.pw : x]}', 'has a for expression, which this check cannot follow'],
    ['a for expression in an object', '${{ for k, v in var.pw : k => v }}', 'has a for expression, which this check cannot follow'],
    ['a template directive', '%{ if var.pw != "" }${var.pw}%{ endif }', 'has a template directive (%{ }), which this check cannot follow'],
    ['an unterminated string', '${"abc', 'has a string without its closing quote, which this check cannot parse'],
    ['an unterminated interpolation', '${var.pw', CANNOT_PARSE],
    ['a heredoc', '${<<EOT\nx\nEOT\n}', CANNOT_PARSE],
    ['two values without an operator', '${var.pw var.token}', CANNOT_PARSE],
    ['two tuple items without a comma', '${[var.pw var.token]}', CANNOT_PARSE],
    ['an operator without its left operand', '${<var.pw}', CANNOT_PARSE],
    ['a conditional without its colon', '${var.pw ? var.pw}', CANNOT_PARSE],
    ['a function without its parenthesis', '${f(var.pw}', CANNOT_PARSE],
    ['a :: name that is not called', '${a::b}', CANNOT_PARSE],
    ['a :: without a name', '${a::(var.pw)}', CANNOT_PARSE],
    ['an index without its bracket', '${var.pw[0}', CANNOT_PARSE],
    ['a dot without a name', '${var.}', CANNOT_PARSE],
    ['an object without a value', '${{(var.k) var.pw}}', CANNOT_PARSE],
    ['a tuple without its bracket', '${[var.pw}', CANNOT_PARSE],
    ['a parenthesis without its end', '${(var.pw}', CANNOT_PARSE],
  ])('%s', (_what, expression, why) => {
    expect(reason(expression)).toBe(why);
  });
});

describe('referencesSensitiveValue (ROS NoEcho)', () => {
  test.each([
    ['${var.pw}', true],
    ['--password=${var.pw}', true],
    ['${upper(var.user)}-${var.token}', true],
    ['${var.user}', false],
    ['${upper(var.user)}', false],
    ['${var.nope}', false],
    ['${sensitive(var.user)}', true],
    ['${local.chain}', true],
    ['${local.plain}', false],
    ['${local.lit}', false],
    ['${local.nope}', false],
    ['${local.loopA}', false],
    ['${data.alicloud_kms_secret_versions.s.versions[0].secret_data}', true],
    ['${data.alicloud_db_accounts.s.accounts[0].password}', false],
    ['${alicloud_db_account.s.password}', true],
    ['${coalesce(var.user, var.pw)}', true],
    ['${var.user[var.user][var.pw]}', true],
    ['${data.alicloud_kms_secret_versions.s.versions[0].id}', false],
    ['${data.alicloud_kms_secret_versions}', false],
    ['${alicloud_kms_secret.s.secret_data}', false],
    ['${alicloud_vswitch.a.id}', false],
    ['${count.index}', false],
    ['${var.user[var.pw]}', true],
    ['${var}', false],
    ['plain text', false],
    ['%{ if var.user != "" }x%{ endif }', true],
    ['${var.user', true],
  ])('%s → %s', (expression, expected) => {
    expect(referencesSensitiveValue(expression, lookups)).toBe(expected);
  });
});

describe('schemaSensitivity (the alicloud 1.289.0 schema pack)', () => {
  const index = loadSchemaIndex();
  const resource = (type: string) => index.resources.get(type);
  const data = (type: string) => index.dataSources.get(type);

  test('a sensitive attribute, also after a count index', () => {
    expect(schemaSensitivity(resource('alicloud_kms_secret'), ['secret_data'])).toBe('sensitive');
    expect(schemaSensitivity(resource('alicloud_kms_secret'), [undefined, 'secret_data'])).toBe('sensitive');
    expect(schemaSensitivity(resource('alicloud_kms_secret'), ['id'])).toBe('not-sensitive');
  });

  test('inside a nested attribute that is not sensitive as a whole: not sensitive (Terraform cannot mask a part)', () => {
    expect(schemaSensitivity(data('alicloud_kms_secret_versions'), ['versions', undefined, 'secret_data'])).toBe('not-sensitive');
  });

  test('nested blocks are followed', () => {
    expect(schemaSensitivity(resource('alicloud_bastionhost_instance'), ['ad_auth_server', undefined, 'password'])).toBe('sensitive');
    expect(schemaSensitivity(resource('alicloud_bastionhost_instance'), ['ad_auth_server', undefined, 'account'])).toBe('not-sensitive');
    expect(schemaSensitivity(resource('alicloud_bastionhost_instance'), ['ad_auth_server'])).toBe('not-sensitive');
    expect(schemaSensitivity(resource('alicloud_event_bridge_connection'),
      ['auth_parameters', undefined, 'api_key_auth_parameters', undefined, 'api_key_value'])).toBe('sensitive');
  });

  test('an unknown attribute or type', () => {
    expect(schemaSensitivity(resource('alicloud_kms_secret'), ['nope'])).toBe('unknown-attribute');
    expect(schemaSensitivity(resource('alicloud_bastionhost_instance'), ['ad_auth_server', undefined, 'nope'])).toBe('unknown-attribute');
    expect(schemaSensitivity(resource('random_password'), ['result'])).toBe('unknown-type');
  });
});
