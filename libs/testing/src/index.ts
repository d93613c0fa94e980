export * from './http-client';
export * from './integration-module';
export * from './running-platform';
export * from './test-database';
export * from './test-environment';
export * from './smtp-catcher';
export * from './stored-responses';
