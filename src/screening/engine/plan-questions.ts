import type { CandidateProfile, JobOrder, ScreeningOptions, ScreeningQuestion } from '../../domain/index.js';
import { certificationSatisfies } from '../../taxonomy/index.js';

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The profile holds this certification, with high confidence, valid over the whole mission. */
function holdsCertification(
  candidate: CandidateProfile,
  code: string,
  job: JobOrder,
  options: ScreeningOptions,
): boolean {
  const fieldConfidence = candidate.confidence.certifications ?? 0;
  const neededUntil = job.endDate ?? job.startDate;
  return candidate.certifications.some((held) => {
    const confidence = held.confidence ?? fieldConfidence;
    if (confidence < options.establishedConfidence) return false;
    // Validity must be known and cover the whole mission: "is it still valid?" is the question otherwise.
    if (!held.validUntil || !neededUntil) return false;
    return certificationSatisfies({ code: held.code, validUntil: held.validUntil }, code, neededUntil)
      .satisfied;
  });
}

function holdsLicence(candidate: CandidateProfile, code: string, options: ScreeningOptions): boolean {
  return (
    candidate.drivingLicences.includes(code) &&
    (candidate.confidence.drivingLicences ?? 0) >= options.establishedConfidence
  );
}

function availabilityEstablished(
  candidate: CandidateProfile,
  job: JobOrder,
  options: ScreeningOptions,
): boolean {
  // A shift is never established by a CV; dates are, when the CV says available before the start.
  if (job.shift) return false;
  const availability = candidate.availability;
  if (!availability || (candidate.confidence.availability ?? 0) < options.establishedConfidence) return false;
  if (!job.startDate) return availability.immediate;
  return availability.immediate || (availability.from !== null && availability.from <= job.startDate);
}

/** Why transport must be asked, or null when the profile settles it. */
function transportReason(
  candidate: CandidateProfile,
  job: JobOrder,
  options: ScreeningOptions,
): string | null {
  const site = job.location;
  if (!site || (site.city === null && site.lat === null)) return null;
  const home = candidate.location;
  const known =
    site.lat !== null && site.lon !== null && home && home.lat !== null && home.lon !== null
      ? distanceKm({ lat: site.lat, lon: site.lon }, { lat: home.lat, lon: home.lon })
      : null;
  if (known === null) return 'distance to the site unknown';
  if (known <= options.transportCheckKm) return null;
  const mobility = candidate.mobility;
  const vehicle = mobility?.hasVehicle ?? null;
  const confident = (candidate.confidence.mobility ?? 0) >= options.establishedConfidence;
  if (vehicle === true && confident && (mobility?.maxDistanceKm ?? Number.POSITIVE_INFINITY) >= known)
    return null;
  if (vehicle === false) return `site ${Math.round(known)} km away, no vehicle on the CV`;
  return `site ${Math.round(known)} km away, vehicle unknown`;
}

/**
 * The questions to ask, in order: dates and shift, each required certification and licence, transport,
 * the rate, then a confirmation. A question is skipped when the job does not need it or the profile
 * already establishes it with high confidence.
 */
export function planQuestions(
  job: JobOrder,
  candidate: CandidateProfile,
  options: ScreeningOptions,
): ScreeningQuestion[] {
  const plan: ScreeningQuestion[] = [];
  if ((job.startDate || job.shift) && !availabilityEstablished(candidate, job, options)) {
    plan.push({
      id: 'availability',
      topic: 'availability',
      code: null,
      reason: job.shift
        ? `shift ${job.shift} must be confirmed`
        : 'availability at the start date not established',
    });
  }
  for (const code of [...new Set(job.requiredCertifications)]) {
    if (holdsCertification(candidate, code, job, options)) continue;
    const listed = candidate.certifications.some(
      (held) => certificationSatisfies({ code: held.code }, code).satisfied,
    );
    plan.push({
      id: `certification:${code}`,
      topic: 'certification',
      code,
      reason: listed
        ? `${code} on the CV, validity or confidence to confirm`
        : `${code} required, not on the CV`,
    });
  }
  for (const code of [...new Set(job.requiredLicences)]) {
    if (holdsLicence(candidate, code, options)) continue;
    plan.push({
      id: `licence:${code}`,
      topic: 'licence',
      code,
      reason: candidate.drivingLicences.includes(code)
        ? `licence ${code} on the CV with low confidence`
        : `licence ${code} required, not on the CV`,
    });
  }
  const transport = transportReason(candidate, job, options);
  if (transport) plan.push({ id: 'transport', topic: 'transport', code: null, reason: transport });
  if (job.hourlyRateEur !== null) {
    plan.push({ id: 'rate', topic: 'rate', code: null, reason: 'the rate must be accepted' });
  }
  plan.push({ id: 'confirmation', topic: 'confirmation', code: null, reason: 'interest in the mission' });
  return plan;
}
