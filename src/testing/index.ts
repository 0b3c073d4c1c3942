// The offline configuration checker, real Terraform offline, and the jest matchers' setup and documentation.
// The matcher functions themselves live in ./jest (jsii cannot express jest types); `setupAlicloudJest` is
// re-exported for JavaScript and TypeScript users (other jsii languages use `AlicloudJest.setup()`).
export * from '../schema/findings';
export * from './config-checker';
// The checker's former names (AlicloudPlanChecker, PlanFinding, PlanFindingLevel, PlanFindingCode), deprecated.
export * from './deprecated-plan-names';
// Real Terraform, offline, through the package's schema-only alicloud provider.
export * from './terraform';
export * from './ipv6-finding-query';
export * from './alicloud-jest';
export { setupAlicloudJest } from './jest';
