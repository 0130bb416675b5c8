export * from './candidate.js';
export * from './common.js';
export * from './job-order.js';
export * from './match.js';
