export * from './mailbox/index.ts';
