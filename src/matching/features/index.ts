// Structured scoring criteria of an assessed (order, profile) pair.
export { type FeatureInput, type FeatureScore, scoreFeatures } from './score-features.js';
export { findSkill, indexProfileSkills, type SkillIndex, type SkillMatch } from './skills.js';
