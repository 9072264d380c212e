export * from './mailbox/index.ts';
export * from './publish/index.ts';
