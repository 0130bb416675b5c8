export type { CoordinatePrecision } from './commune-table.js';
export { distanceKm, type GeoPoint } from './distance.js';
export { type CommuneMention, findCommuneMentions } from './find-commune-mentions.js';
export {
  type Commune,
  type CommuneMatch,
  type CommuneQuery,
  communeSchema,
  type LookupOptions,
  lookupCommune,
} from './lookup-commune.js';
