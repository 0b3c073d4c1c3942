// The offline plan checker. The jest matcher lives in ./jest (import 'cdktf-alicloud-ipv6/lib/testing/jest'):
// jsii cannot express jest types, so it is deliberately not re-exported here.
export * from '../schema/findings';
export * from './plan-checker';
// Real Terraform, offline, through the package's schema-only alicloud provider.
export * from './terraform';
