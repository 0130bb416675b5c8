// Plain-language explanation of a match, for a recruiter or the candidate.
export { type ExplainOptions, explainMatch } from './explain-match.js';
