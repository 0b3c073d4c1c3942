/**
 * `sensitiveValueTest` (ROS NoEcho) answers a plain resource-attribute reference from the provider schema once per
 * reference text: the answer must stay the schema's in every stack and on every call, and references that depend on the
 * stack (variables, locals) must still be judged in their own stack each time.
 */
import { App, Lazy, TerraformLocal, TerraformStack, TerraformVariable } from 'cdktf';
import { sensitiveValueTest } from '../../src/eci/registry';

const lazy = (text: string) => Lazy.stringValue({ produce: () => text });

test('attribute references: the schema\'s answer, the same in every stack and on every call', () => {
  const app = new App();
  for (const id of ['one', 'two']) {
    const isSensitive = sensitiveValueTest(new TerraformStack(app, id));
    for (let i = 0; i < 2; i++) {
      expect(isSensitive(lazy('${alicloud_db_account.x.password}'))).toBe(true);
      expect(isSensitive(lazy('${alicloud_vswitch.x.id}'))).toBe(false);
      expect(isSensitive(lazy('${data.alicloud_kms_secret_versions.s.versions}'))).toBe(false);
    }
  }
});

test('a variable of one name is judged in its own stack each time', () => {
  const app = new App();
  const a = new TerraformStack(app, 'a');
  new TerraformVariable(a, 'pw', { type: 'string', sensitive: true });
  const b = new TerraformStack(app, 'b');
  new TerraformVariable(b, 'pw', { type: 'string' });
  for (let i = 0; i < 2; i++) {
    expect(sensitiveValueTest(a)(lazy('${var.pw}'))).toBe(true);
    expect(sensitiveValueTest(b)(lazy('${var.pw}'))).toBe(false);
  }
});

test('a local of one name is judged in its own stack each time', () => {
  const app = new App();
  const a = new TerraformStack(app, 'a');
  new TerraformLocal(a, 'secret', new TerraformVariable(a, 'pw', { type: 'string', sensitive: true }).stringValue);
  const b = new TerraformStack(app, 'b');
  new TerraformLocal(b, 'secret', new TerraformVariable(b, 'pw', { type: 'string' }).stringValue);
  for (let i = 0; i < 2; i++) {
    expect(sensitiveValueTest(a)(lazy('${local.secret}'))).toBe(true);
    expect(sensitiveValueTest(b)(lazy('${local.secret}'))).toBe(false);
  }
});
