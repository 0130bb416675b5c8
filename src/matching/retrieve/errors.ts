// `IndexError` lives with the whole error tree in `src/errors.ts`; kept here so retrieval imports stay local.
export { IndexError, type IndexErrorReason } from '../../errors.js';
