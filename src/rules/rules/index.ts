import { acrInstanceRegion } from './acr-instance-region';
import { crossStackRegion } from './cross-stack-region';
import { internetExposure } from './internet-exposure';
import { ipv6BandwidthRange } from './ipv6-bandwidth-range';
import { ipv6GatewaySameVpc } from './ipv6-gateway-same-vpc';
import { ipv6InstanceFamily } from './ipv6-instance-family';
import { ipv6Region } from './ipv6-region';
import { ipv6VSwitch } from './ipv6-vswitch';
import { privateImageAccess } from './private-image-access';
import { providerConstraints } from './provider-constraints';
import { providerSchema } from './provider-schema';
import { providerVersion } from './provider-version';
import { publicEciReachable } from './public-eci-reachable';
import { singleIpv6Address } from './single-ipv6-address';
import { unusedRegistryCredential } from './unused-registry-credential';
import { vSwitchIpv6Mask } from './vswitch-ipv6-mask';
import { RuleDefinition } from '../rule';

/** Every rule of the pack, in ID order. @internal */
export const ALL_RULES: readonly RuleDefinition[] = [
  ipv6Region,
  ipv6InstanceFamily,
  singleIpv6Address,
  ipv6VSwitch,
  vSwitchIpv6Mask,
  ipv6GatewaySameVpc,
  ipv6BandwidthRange,
  internetExposure,
  publicEciReachable,
  providerConstraints,
  crossStackRegion,
  privateImageAccess,
  acrInstanceRegion,
  unusedRegistryCredential,
  providerSchema,
  providerVersion,
];
