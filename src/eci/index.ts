export * from './container';
export * from './volume';
export * from './container-group';
export * from './container-group-fleet';
export type { AcrInstance, ImageRegistryCredential } from './registry';
