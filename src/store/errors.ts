// `StoreError` lives with the whole error tree in `src/errors.ts`; kept here so store imports stay local.
export { StoreError, type StoreErrorReason } from '../errors.js';
