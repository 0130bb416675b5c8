export {
  aliasFor,
  type PseudonymizedFields,
  type PseudonymizedProfile,
  type PseudonymizeOptions,
  profileIdentifiers,
  pseudonymizedFieldsSchema,
  pseudonymizeProfile,
} from './pseudonymize-profile.js';
export {
  type Identifiers,
  neutralizeGender,
  pseudonymizeText,
  type RedactionKind,
  type RedactionResult,
} from './redact-text.js';
