import { TerraformVariable, Testing } from 'cdktf';
import { ContainerGroup, ContainerGroupFleet, Volume } from '../../src';
import { ESS_ECI, ESS_GROUP, NATIVE_ECI, ROS_ECI, ownerFields, terraformName } from '../../src/schema/eci-fields';
import { setup } from '../eci/util';

/**
 * The backend tables (src/schema/eci-fields.ts) are what the writers, the owner maps and the rule pack's reader spell the
 * field names from: every entry must be a field that the synthesized resource really has, under the name the reader
 * looks for (the Terraform JSON name for native and ESS, the template property for ROS).
 */

type Table = { readonly group: Readonly<Record<string, string>> } & Partial<Record<'container' | 'port' | 'acr' | 'credential', Readonly<Record<string, string>>>>;

/** The field names of `table` that `body` lacks (sections: the first container, its first port, the first ACR instance and login). */
function missingFields(body: Record<string, any>, table: Table, name: (f: string) => string, skip: string[] = []): string[] {
  const missing: string[] = [];
  const expectIn = (obj: any, section: Readonly<Record<string, string>> | undefined, where: string) => {
    for (const [prop, field] of Object.entries(section ?? {})) {
      if (!skip.includes(prop) && (obj === undefined || obj[name(field)] === undefined)) missing.push(`${where}${name(field)}`);
    }
  };
  const g = table.group;
  expectIn(body, g, '');
  const container = g.containers === undefined ? undefined : body[name(g.containers)]?.[0];
  expectIn(container, table.container, 'container.');
  expectIn(container?.[name(table.container?.ports ?? '')]?.[0], table.port, 'port.');
  expectIn(body[name(g.acrInstances ?? '')]?.[0], table.acr, 'acr.');
  expectIn(body[name(g.imageRegistryCredentials ?? '')]?.[0], table.credential, 'credential.');
  return missing;
}

function everything() {
  const { stack, vpc, securityGroup } = setup();
  const password = new TerraformVariable(stack, 'RegistryPassword', { type: 'string', sensitive: true }).stringValue;
  const common = {
    vpc,
    securityGroup,
    containers: [{ name: 'web', image: 'registry.example.com/web:1', ports: [{ port: 80 }] }],
    acrInstances: [{ instanceId: 'cri-abc', instanceName: 'acr', regionId: 'cn-huhehaote', domains: ['acr-registry.cn-huhehaote.cr.aliyuncs.com'] }],
    imageRegistryCredentials: [{ server: 'registry.example.com', userName: 'me', password }],
    ramRoleName: 'eci-role',
    autoMatchImageCache: true,
  };
  return { stack, common };
}

const resourcesOf = (stack: any, type: string): any[] => Object.values(JSON.parse(Testing.synth(stack)).resource[type] ?? {});

describe('backend field tables', () => {
  test('NATIVE_ECI: every field is in the synthesized alicloud_eci_container_group', () => {
    const { stack, common } = everything();
    new ContainerGroup(stack, 'Native', { ...common, containerGroupName: 'native', instanceType: 'ecs.g7.large' });
    const [body] = resourcesOf(stack, NATIVE_ECI.resourceType);
    expect(missingFields(body, NATIVE_ECI, terraformName)).toEqual([]);
  });

  test('ESS_ECI and ESS_GROUP: every field is in the synthesized scaling configuration and scaling group', () => {
    const { stack, common } = everything();
    new ContainerGroupFleet(stack, 'Fleet', {
      ...common,
      minSize: 1,
      maxSize: 2,
      desiredCapacity: 1,
      containerGroupName: 'fleet',
      instanceTypes: ['ecs.g7.large'],
      ipv6AddressCount: 1,
      imageSnapshotId: 'imc-abc',
      instanceTypeGuard: false,
    });
    const [configuration] = resourcesOf(stack, ESS_ECI.resourceType);
    expect(missingFields(configuration, ESS_ECI, terraformName)).toEqual([]);
    const [group] = resourcesOf(stack, ESS_GROUP.resourceType);
    expect(missingFields(group, ESS_GROUP, terraformName)).toEqual([]);
  });

  test('ROS_ECI: every property is in the synthesized ROS template', () => {
    const { stack, common } = everything();
    new ContainerGroup(stack, 'ByType', {
      ...common,
      containerGroupName: 'by-type',
      instanceType: 'ecs.g7.large',
      ipv6AddressCount: 1,
      imageSnapshotId: 'imc-abc',
      volumes: [Volume.emptyDir('scratch')],
      tags: { app: 'web' },
      instanceTypeGuard: false,
    });
    new ContainerGroup(stack, 'BySize', { ...common, containerGroupName: 'by-size', cpu: 1, memory: 2, ipv6AddressCount: 1 });
    const template = (group: string) => JSON.parse(resourcesOf(stack, 'alicloud_ros_stack').find((s) => s.stack_name === `${group}-eci`).template_body);
    const byType = template('by-type').Resources.ContainerGroup;
    const bySize = template('by-size').Resources.ContainerGroup;
    expect(byType.Type).toBe(ROS_ECI.resourceType);
    expect(missingFields(byType.Properties, ROS_ECI, (f) => f, ['cpu', 'memory'])).toEqual([]);
    expect(missingFields(bySize.Properties, { group: { cpu: ROS_ECI.group.cpu, memory: ROS_ECI.group.memory } }, (f) => f)).toEqual([]);
  });

  test('ownerFields maps the field names the rule pack sees to props', () => {
    expect(ownerFields(ESS_ECI.group, ['acrInstances', 'imageRegistryCredentials'], terraformName)).toEqual({
      acr_registry_infos: 'acrInstances', image_registry_credentials: 'imageRegistryCredentials',
    });
    expect(ownerFields(ROS_ECI.group, ['vSwitch'])).toEqual({ VSwitchId: 'vSwitch' });
    expect(terraformName('ipv6AddressCount')).toBe('ipv6_address_count');
  });
});
