// A worker thread cannot load TypeScript by itself: register tsx's loader, then run the training module.
import { register } from 'tsx/esm/api';

register();
await import('./train-in-worker.ts');
