export * from './api.ts';
export * from './classification/index.ts';
export * from './entries.ts';
export * from './metrics.ts';
export * from './rules.ts';
