/** The shared stub API, strict: every route rejects unless a test gives it an answer. */
export { createStrictStubApi as stubApi } from '../../../test/fixtures-shared.js';
