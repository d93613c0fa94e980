export * from './answering.service';
export * from './coarsening';
export * from './response-reader';
export * from './responses.errors';
export * from './responses.module';
