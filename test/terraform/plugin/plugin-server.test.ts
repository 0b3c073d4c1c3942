/**
 * The offline provider's server, in process and as a process: the go-plugin handshake, AutoMTLS (the
 * client certificate is required and verified) and the tfplugin6 RPCs, over real gRPC. No Terraform needed.
 */
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as grpc from '@grpc/grpc-js';
import { generate } from 'selfsigned';
import { decodeMsgpack, encodeMsgpack, isUnknown, UnknownValue } from '../../../src/terraform/plugin/cty-msgpack';
import { handshakeCertificate, handshakeProblem } from '../../../src/terraform/plugin/handshake';
import { loadProtocol, MAGIC_COOKIE_VALUE } from '../../../src/terraform/plugin/protocol';
import { RunningPlugin, startPluginServer } from '../../../src/terraform/plugin/server';
import { defaultPluginEntry } from '../../../src/terraform/run/plugin-entry';

jest.setTimeout(60_000);

const derToPem = (b64: string) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(b64, 'base64').toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

type Unary = (req: object, cb: (err: grpc.ServiceError | null, res: any) => void) => void;
function call(client: grpc.Client, method: string, req: object = {}): Promise<any> {
  const fn = (client as unknown as Record<string, Unary>)[method];
  return new Promise((resolve, reject) => fn.call(client, req, (err, res) => (err ? reject(err) : resolve(res))));
}

describe('the plugin process', () => {
  test('run by hand (no magic cookie) it says it is a plugin, prints nothing on stdout and exits 1', () => {
    const env = { ...process.env };
    delete env.TF_PLUGIN_MAGIC_COOKIE;
    const r = spawnSync(process.execPath, [defaultPluginEntry()], { env, encoding: 'utf-8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^This binary is a plugin: the offline, schema-only aliyun\/alicloud provider of cdktf-alicloud-ipv6\./);
  });

  test('the handshake environment: cookie and protocol 6', () => {
    expect(handshakeProblem({})).toContain('This binary is a plugin');
    expect(handshakeProblem({ TF_PLUGIN_MAGIC_COOKIE: 'nope' })).toContain('This binary is a plugin');
    expect(handshakeProblem({ TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6' })).toBeUndefined();
    expect(handshakeProblem({ TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5' })).toMatch(/speaks Terraform plugin protocol 6; the host offers 5/);
  });

  test('the handshake certificate field is the DER in base64 without padding', () => {
    expect(handshakeCertificate('-----BEGIN CERTIFICATE-----\nQUJD\nREU=\n-----END CERTIFICATE-----\n')).toBe('QUJDREU');
  });
});

describe('the plugin server with AutoMTLS', () => {
  let plugin: RunningPlugin;
  let client: grpc.Client;
  let health: grpc.Client;
  let serverPem: string;
  let clientCert: { cert: string; key: string };

  beforeAll(async () => {
    const c = await generate([{ name: 'commonName', value: 'terraform' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true }, { name: 'keyUsage', digitalSignature: true, keyCertSign: true }, { name: 'extKeyUsage', clientAuth: true, serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] },
      ],
    });
    clientCert = { cert: c.cert, key: c.private };
    plugin = await startPluginServer({ clientCertPem: clientCert.cert });
    serverPem = derToPem(plugin.handshake.split('|')[5]);
    const creds = grpc.credentials.createSsl(Buffer.from(serverPem), Buffer.from(clientCert.key), Buffer.from(clientCert.cert));
    const protocol = loadProtocol();
    const Provider = grpc.makeGenericClientConstructor(protocol.provider, 'Provider');
    const Health = grpc.makeGenericClientConstructor(protocol.health, 'Health');
    const opts = { 'grpc.ssl_target_name_override': 'localhost', 'grpc.max_receive_message_length': -1 };
    client = new Provider(`127.0.0.1:${plugin.port}`, creds, opts);
    health = new Health(`127.0.0.1:${plugin.port}`, creds, opts);
  });

  afterAll(() => {
    client?.close();
    health?.close();
    plugin?.server.forceShutdown();
  });

  test('the handshake line: core protocol 1, tfplugin6, tcp on 127.0.0.1, grpc, and an EC P-256 CA certificate for localhost', () => {
    const fields = plugin.handshake.split('|');
    expect(fields.slice(0, 5)).toEqual(['1', '6', 'tcp', `127.0.0.1:${plugin.port}`, 'grpc']);
    expect(fields[5]).toMatch(/^[A-Za-z0-9+/]+$/);
    const x509 = new crypto.X509Certificate(serverPem);
    expect(x509.ca).toBe(true);
    expect(x509.subjectAltName).toBe('DNS:localhost');
    expect(x509.publicKey.asymmetricKeyDetails).toMatchObject({ namedCurve: 'prime256v1' });
    expect(x509.verify(x509.publicKey)).toBe(true);
  });

  test('the health service answers SERVING for "plugin"', async () => {
    expect(await call(health, 'Check', { service: 'plugin' })).toEqual({ status: 1 });
  });

  test('a client without a certificate is refused', async () => {
    const Provider = grpc.makeGenericClientConstructor(loadProtocol().provider, 'Provider');
    const anonymous = new Provider(`127.0.0.1:${plugin.port}`, grpc.credentials.createSsl(Buffer.from(serverPem)), { 'grpc.ssl_target_name_override': 'localhost' });
    await expect(call(anonymous, 'GetMetadata')).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    anonymous.close();
  });

  test('a client with another certificate is refused', async () => {
    const other = await generate([{ name: 'commonName', value: 'intruder' }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' });
    const Provider = grpc.makeGenericClientConstructor(loadProtocol().provider, 'Provider');
    const intruder = new Provider(`127.0.0.1:${plugin.port}`, grpc.credentials.createSsl(Buffer.from(serverPem), Buffer.from(other.private), Buffer.from(other.cert)), { 'grpc.ssl_target_name_override': 'localhost' });
    await expect(call(intruder, 'GetMetadata')).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    intruder.close();
  });

  test('GetProviderSchema: every type, flags, nesting modes and min/max items on the wire', async () => {
    const res = await call(client, 'GetProviderSchema');
    expect(Object.keys(res.resource_schemas)).toHaveLength(1184);
    expect(Object.keys(res.data_source_schemas)).toHaveLength(780);
    expect(res.server_capabilities).toMatchObject({ plan_destroy: true, get_provider_schema_optional: true });
    const bw = res.resource_schemas.alicloud_vpc_ipv6_internet_bandwidth.block;
    const attr = (name: string) => bw.attributes.find((a: any) => a.name === name);
    expect(JSON.parse(Buffer.from(attr('bandwidth').type).toString())).toBe('number');
    expect(attr('bandwidth')).toMatchObject({ required: true });
    expect(attr('id')).toMatchObject({ optional: true, computed: true });
    expect(attr('status')).toMatchObject({ computed: true });
    expect(attr('status').optional ?? false).toBe(false);
    expect(bw.block_types.find((b: any) => b.type_name === 'timeouts')).toMatchObject({ nesting: 1 });
    const eci = res.resource_schemas.alicloud_eci_container_group.block;
    expect(eci.block_types.find((b: any) => b.type_name === 'containers')).toMatchObject({ nesting: 2, min_items: 1 });
    const groups = res.data_source_schemas.alicloud_eci_container_groups.block.attributes.find((a: any) => a.name === 'groups');
    expect(JSON.parse(Buffer.from(groups.type).toString())[0]).toBe('list');
    expect(groups.computed).toBe(true);
  });

  test('GetMetadata lists the types', async () => {
    const res = await call(client, 'GetMetadata');
    expect(res.resources).toHaveLength(1184);
    expect(res.data_sources).toContainEqual({ type_name: 'alicloud_vpc_ipv6_addresses' });
  });

  test('PlanResourceChange on create: computed attributes unknown, defaults planned, legacy type system', async () => {
    const proposed = { bandwidth: 10, id: null, internet_charge_type: null, ipv6_address_id: 'ipv6-1', ipv6_gateway_id: 'ipv6gw-1', status: null, timeouts: null };
    const res = await call(client, 'PlanResourceChange', {
      type_name: 'alicloud_vpc_ipv6_internet_bandwidth',
      prior_state: { msgpack: encodeMsgpack(null) },
      proposed_new_state: { msgpack: encodeMsgpack(proposed) },
      config: { msgpack: encodeMsgpack(proposed) },
    });
    expect(res.diagnostics ?? []).toEqual([]);
    expect(res.legacy_type_system).toBe(true);
    const planned = decodeMsgpack(res.planned_state.msgpack) as Record<string, unknown>;
    expect(isUnknown(planned.id) && isUnknown(planned.status) && isUnknown(planned.internet_charge_type)).toBe(true);
    expect(planned).toMatchObject({ bandwidth: 10, ipv6_address_id: 'ipv6-1', timeouts: null });
  });

  test('PlanResourceChange on destroy plans null', async () => {
    const res = await call(client, 'PlanResourceChange', {
      type_name: 'alicloud_vpc', prior_state: { msgpack: encodeMsgpack({ id: 'vpc-1' }) }, proposed_new_state: { msgpack: encodeMsgpack(null) },
    });
    expect(decodeMsgpack(res.planned_state.msgpack)).toBeNull();
  });

  test.each([
    ['ApplyResourceChange', { type_name: 'alicloud_vpc' }, 'schema-only provider: applying alicloud_vpc needs the Alibaba Cloud API'],
    ['ReadResource', { type_name: 'alicloud_vpc' }, 'schema-only provider: reading the existing alicloud_vpc needs the Alibaba Cloud API'],
    ['ImportResourceState', { type_name: 'alicloud_vpc', id: 'vpc-1' }, 'schema-only provider: importing alicloud_vpc "vpc-1" needs the Alibaba Cloud API'],
    ['ReadDataSource', { type_name: 'alicloud_zones' }, 'schema-only provider: reading data source alicloud_zones needs the Alibaba Cloud API'],
  ])('%s answers with an error diagnostic naming what needs the cloud', async (method, req, summary) => {
    const res = await call(client, method, req);
    expect(res.diagnostics).toEqual([expect.objectContaining({ severity: 1, summary })]);
  });

  test('ValidateResourceConfig: our enum limits as diagnostics, unknown values skipped', async () => {
    const config = (charge: unknown) => ({ msgpack: encodeMsgpack({ bandwidth: 10, internet_charge_type: charge, ipv6_address_id: 'ipv6-1', ipv6_gateway_id: 'gw', id: null, status: null, timeouts: null }) });
    const bad = await call(client, 'ValidateResourceConfig', { type_name: 'alicloud_vpc_ipv6_internet_bandwidth', config: config('PayByMonth') });
    expect(bad.diagnostics).toEqual([expect.objectContaining({ summary: expect.stringContaining('PayByMonth') })]);
    const good = await call(client, 'ValidateResourceConfig', { type_name: 'alicloud_vpc_ipv6_internet_bandwidth', config: config('PayByTraffic') });
    expect(good.diagnostics ?? []).toEqual([]);
    const unknown = await call(client, 'ValidateResourceConfig', { type_name: 'alicloud_vpc_ipv6_internet_bandwidth', config: { msgpack: encodeMsgpack({ bandwidth: 10, internet_charge_type: UnknownValue.PLAIN }) } });
    expect(unknown.diagnostics ?? []).toEqual([]);
  });

  test('UpgradeResourceState hands the JSON state back; StopProvider answers', async () => {
    const json = Buffer.from('{"id":"vpc-1"}');
    const res = await call(client, 'UpgradeResourceState', { type_name: 'alicloud_vpc', version: 0, raw_state: { json } });
    expect(Buffer.from(res.upgraded_state.json).toString()).toBe('{"id":"vpc-1"}');
    expect(await call(client, 'StopProvider')).toEqual({ Error: '' });
  });
});
