export * from './blocks';
export * from './sources';
export * from './categories';
export * from './municipalities';
export * from './complaints';
export * from './complaint-events';
