export * from './mailbox/index.ts';
export * from './publish/index.ts';
export * from './reports/index.ts';
