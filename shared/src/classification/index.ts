export * from './classify.ts';
export * from './default-rules.ts';
export * from './preview.ts';
export * from './reasons.ts';
export * from './rule-from-override.ts';
