import type { CandidateProfile, JobOrder } from '../../domain/index.js';
import { lookupCommune } from '../../geo/index.js';

/** A point on the map. */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/** The job site's coordinates: as given, else geocoded offline from city / postal code; null when unknown. */
export function jobPoint(job: JobOrder): GeoPoint | null {
  const location = job.location;
  if (!location) return null;
  if (location.lat !== null && location.lon !== null) return { lat: location.lat, lon: location.lon };
  return geocode(location.city, location.postalCode);
}

/** The candidate's home coordinates (from `location` only), geocoded offline when missing; null when unknown. */
export function profilePoint(profile: CandidateProfile): GeoPoint | null {
  const location = profile.location;
  if (!location) return null;
  if (location.lat !== null && location.lon !== null) return { lat: location.lat, lon: location.lon };
  return geocode(location.city, location.postalCode);
}

function geocode(city: string | null, postalCode: string | null): GeoPoint | null {
  if (!city && !postalCode) return null;
  const commune = lookupCommune({ city, postalCode });
  // A département centroid can be 50 km off: too coarse to judge a commute.
  if (!commune || commune.precision === 'departement') return null;
  return { lat: commune.lat, lon: commune.lon };
}
