export * from './interfaces';
export * from './peer';
export * from './port';
export * from './security-group';
