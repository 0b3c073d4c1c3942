export * from './source';
export * from './regions';
export * from './instance-families';
export * from './limits';
