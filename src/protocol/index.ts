export * from './enums.js';
export * from './errors.js';
export * from './wire.js';
export * from './http.js';
export * from './payload-digest.js';
