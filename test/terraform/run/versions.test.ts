/**
 * A configuration that pins alicloud (issue 20, item 8): the mirror serves the bundled 1.289.0 schema under
 * the version it asks for, and says so. Real Terraform: test/terraform-core/plain-hcl.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { permissionBits } from '../../../src/core/private-dir';
import { mirrorVersion, offlineInstallation, terraformPlatform } from '../../../src/terraform/run/mirror';
import { hclAlicloudConstraints, jsonAlicloudConstraints, versionToServe } from '../../../src/terraform/run/versions';
import { alicloudConstraints, disposeWorkspace, prepareWorkspace } from '../../../src/terraform/run/workspace';

const made: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'versions-test-'));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

test.each([
  [[], '1.289.0'],
  [['1.263.0'], '1.263.0'],
  [['= 1.263.0'], '1.263.0'],
  [['>= 1.200.0'], '1.289.0'],
  [['~> 1.263'], '1.289.0'],
  [['~> 1.263.0'], '1.263.0'],
  [['>= 1.200.0, < 1.250.0', '1.240.0'], '1.240.0'],
  [['!= 1.289.0', '1.288.0'], '1.288.0'],
  // Nothing named satisfies them, or they are not understood: 1.289.0, and Terraform reports its own error.
  [['< 1.100.0'], '1.289.0'],
  [['latest'], '1.289.0'],
])('constraints %j: the mirror serves %s', (constraints, served) => {
  expect(versionToServe(constraints)).toBe(served);
});

test('the constraints are read from required_providers in .tf (object on one or more lines) and .tf.json', () => {
  expect(hclAlicloudConstraints('terraform {\n  required_providers {\n    alicloud = {\n      source  = "aliyun/alicloud"\n      version = "1.263.0"\n    }\n  }\n}\n'))
    .toEqual(['1.263.0']);
  expect(hclAlicloudConstraints('    alicloud = { source = "aliyun/alicloud", version = "~> 1.250.0" }\n')).toEqual(['~> 1.250.0']);
  expect(hclAlicloudConstraints('    alicloud = { source = "aliyun/alicloud" }\n    random = { version = "3.0.0" }\n')).toEqual([]);
  expect(jsonAlicloudConstraints(JSON.stringify({ terraform: { required_providers: { alicloud: { source: 'aliyun/alicloud', version: '1.263.0' } } } }))).toEqual(['1.263.0']);
  expect(jsonAlicloudConstraints('{')).toEqual([]);
});

test('the constraints of local modules count too', () => {
  const root = tmp();
  fs.mkdirSync(path.join(root, 'root'));
  fs.mkdirSync(path.join(root, 'modules', 'net'), { recursive: true });
  fs.writeFileSync(path.join(root, 'root', 'main.tf'), 'module "net" {\n  source = "../modules/net"\n}\n');
  fs.writeFileSync(path.join(root, 'modules', 'net', 'versions.tf'), 'terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud", version = "1.263.0" }\n  }\n}\n');
  expect(alicloudConstraints(path.join(root, 'root'))).toEqual(['1.263.0']);
});

test('the mirror serves the same script under the pinned version, at both addresses; the workspace says which schema it is', () => {
  const inst = offlineInstallation(path.join(tmp(), 'plugin-main.js'));
  mirrorVersion(inst, '1.263.0');
  for (const ns of ['aliyun', 'hashicorp']) {
    const file = path.join(inst.dir, 'mirror', 'registry.terraform.io', ns, 'alicloud', '1.263.0', terraformPlatform(), 'terraform-provider-alicloud_v1.263.0');
    expect(fs.readFileSync(file, 'utf-8')).toBe(fs.readFileSync(inst.executable, 'utf-8'));
    expect(permissionBits(file)).toBe(0o700);
  }
  expect(() => mirrorVersion(inst, '../../x')).toThrow(/not a provider version/);

  const stack = tmp();
  fs.writeFileSync(path.join(stack, 'main.tf'), 'terraform {\n  required_providers {\n    alicloud = {\n      source  = "aliyun/alicloud"\n      version = "1.263.0"\n    }\n  }\n}\n');
  const tf = path.join(tmp(), 'terraform');
  fs.writeFileSync(tf, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  const ws = prepareWorkspace(stack, { terraformBinary: tf });
  disposeWorkspace(ws);
  expect(ws.versionNotice).toBe('the configuration asks for alicloud 1.263.0: the offline provider serves the 1.289.0 schema under that version '
    + '(arguments that 1.263.0 and 1.289.0 do not share are checked as in 1.289.0)');
  fs.writeFileSync(path.join(stack, 'main.tf'), '');
  const plain = prepareWorkspace(stack, { terraformBinary: tf });
  disposeWorkspace(plain);
  expect(plain.versionNotice).toBeUndefined();
});
