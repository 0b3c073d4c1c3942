/**
 * The provider's logic without gRPC: typed tfplugin6 requests in, typed responses out (tfprotov6.ts); and
 * the server layer's table hands every RPC of the Provider service to it.
 */
import { decodeMsgpack, encodeMsgpack, isUnknown } from '../../../src/terraform/plugin/cty-msgpack';
import { loadProtocol } from '../../../src/terraform/plugin/protocol';
import { SchemaOnlyProvider } from '../../../src/terraform/plugin/provider';
import { PROVIDER_RPCS } from '../../../src/terraform/plugin/server';
import { DIAGNOSTIC_SEVERITY_ERROR, ProviderServer } from '../../../src/terraform/plugin/tfprotov6';

const provider: ProviderServer = new SchemaOnlyProvider();

test('the server layer answers every RPC of tfplugin6.Provider (GetProviderSchema from encoded bytes, the others through the table)', () => {
  expect([...Object.keys(PROVIDER_RPCS), 'GetProviderSchema'].sort()).toEqual(Object.keys(loadProtocol().provider).sort());
});

test('ValidateResourceConfig: a limit as an error diagnostic that points at the attribute', () => {
  const config = { msgpack: encodeMsgpack({ bandwidth: 10, internet_charge_type: 'PayByMonth', ipv6_address_id: 'ipv6-1', ipv6_gateway_id: 'gw' }) };
  const res = provider.validateResourceConfig({ type_name: 'alicloud_vpc_ipv6_internet_bandwidth', config });
  expect(res.diagnostics).toEqual([expect.objectContaining({
    severity: DIAGNOSTIC_SEVERITY_ERROR,
    summary: expect.stringContaining('PayByMonth'),
    attribute: { steps: [{ attribute_name: 'internet_charge_type' }] },
  })]);
  expect(provider.validateDataResourceConfig({ type_name: 'alicloud_nope' }).diagnostics)
    .toEqual([{ severity: DIAGNOSTIC_SEVERITY_ERROR, summary: 'schema-only provider: unknown data source type alicloud_nope' }]);
});

test('PlanResourceChange: a typed plan on create; an unknown type is a diagnostic, not a throw', () => {
  const res = provider.planResourceChange({
    type_name: 'alicloud_vpc', prior_state: { msgpack: encodeMsgpack(null) }, proposed_new_state: { msgpack: encodeMsgpack({ vpc_name: 'v', id: null }) },
  });
  expect(res).toMatchObject({ diagnostics: [], legacy_type_system: true, requires_replace: [] });
  expect(isUnknown((decodeMsgpack(res.planned_state!.msgpack) as Record<string, unknown>).id)).toBe(true);
  expect(provider.planResourceChange({ type_name: 'alicloud_nope' })).toEqual({
    diagnostics: [{ severity: DIAGNOSTIC_SEVERITY_ERROR, summary: 'schema-only provider: unknown resource type alicloud_nope' }],
  });
});

test('what needs the cloud is an error diagnostic; StopProvider and the no-op RPCs answer empty', () => {
  expect(provider.readResource({ type_name: 'alicloud_vpc' }).diagnostics[0].summary).toBe('schema-only provider: reading the existing alicloud_vpc needs the Alibaba Cloud API');
  expect(provider.importResourceState({ type_name: 'alicloud_vpc', id: 'vpc-1' }).imported_resources).toEqual([]);
  expect(provider.validateProviderConfig({})).toEqual({ diagnostics: [] });
  expect(provider.configureProvider({})).toEqual({ diagnostics: [] });
  expect(provider.stopProvider({})).toEqual({ Error: '' });
});
