/**
 * Campaigns load bench: `--orders` job orders (default 100) filled from one `--pool`-person pool (default
 * 10,000) with personas generated from the profiles, each campaign simulated on a virtual clock through the
 * real engine, scheduler and store, on embedded PGlite and on a PostgreSQL server (started here like the
 * tests do). Reports messages per second (sent + received, through engine and store), time to create a
 * campaign (rank + first wave) and to a complete call list (wall), peak memory (RSS).
 *
 *   npx tsx bench/campaigns.ts [--orders 100] [--pool 10000] [--backends pglite,postgres]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Persona, simulateCampaign } from '../src/campaigns/index.js';
import type { CandidateProfile } from '../src/domain/candidate.js';
import { parseJobOrder } from '../src/parsing/index.js';
import { openStore, type Store } from '../src/store/index.js';
import { buildProfile } from '../test/matching/profile-factory.js';
import { startPostgresServer } from '../test/support/postgres-server.js';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}
const ORDERS = Number(option('orders', '100'));
const POOL = Number(option('pool', '10000'));
const BACKENDS = option('backends', 'pglite,postgres').split(',');

const TITLES = ['Cariste', 'Préparateur de commandes', 'Magasinier', 'Agent de quai', 'Manutentionnaire'];
const CITIES = [
  { city: 'Lyon', postalCode: '69003', lat: 45.76, lon: 4.85 },
  { city: 'Vénissieux', postalCode: '69200', lat: 45.697, lon: 4.886 },
  { city: 'Villeurbanne', postalCode: '69100', lat: 45.771, lon: 4.89 },
  { city: 'Saint-Priest', postalCode: '69800', lat: 45.696, lon: 4.944 },
];

function unit(...parts: (string | number)[]): number {
  return createHash('sha256').update(parts.join(':')).digest().readUInt32BE(0) / 0x1_0000_0000;
}

/** Deterministic synthetic people (no real person), each with their own phone number. */
function benchProfile(position: number): CandidateProfile {
  const pick = <T>(items: T[], salt: string) => items[Math.floor(unit(position, salt) * items.length)] as T;
  const profile = buildProfile({
    id: `cv_${position.toString(16).padStart(16, '0')}`,
    headline: pick(TITLES, 'title'),
    phone: `+336${String(10_000_000 + position).slice(-8)}`,
    ...pick(CITIES, 'city'),
    experiences: [{ title: pick(TITLES, 'experience'), start: `${2015 + (position % 8)}-01`, current: true }],
    skills: ['chargement', 'gerbage', 'inventaire'].slice(0, 1 + (position % 3)),
    certifications:
      unit(position, 'caces') < 0.4 ? [{ code: 'CACES_R489_3', label: 'CACES R489 catégorie 3' }] : [],
    licences: position % 2 === 0 ? ['B'] : [],
    availability: { from: null, immediate: true },
    mobility: { maxDistanceKm: 30, hasVehicle: position % 5 !== 0 },
  });
  return { ...profile, source: { ...profile.source, file: `bench-${position}.txt` } };
}

/** A persona from the profile: most answer within hours, some never, a few say STOP. */
function benchPersona(profile: CandidateProfile, position: number): Persona {
  const roll = unit(position, 'persona');
  const holds = profile.certifications.length > 0;
  return {
    file: profile.source.file as string,
    replyAfterMinutes: roll < 0.25 ? null : Math.round(5 + unit(position, 'delay') * 240),
    replies: {
      ...(roll > 0.97 ? { first: 'STOP' } : {}),
      availability: unit(position, 'available') < 0.85 ? 'oui dispo' : 'non pas avant février',
      certification: holds ? 'oui je l ai' : 'non',
      transport: profile.mobility?.hasVehicle ? 'voiture' : 'en bus',
      rate: 'ok',
      confirmation: 'oui',
    },
  };
}

async function run(backend: string, url: string, profiles: CandidateProfile[], personas: Persona[]) {
  const job = parseJobOrder(JSON.parse(readFileSync('fixtures/jobs/cariste-lyon.json', 'utf8')), {
    id: 'cariste-lyon',
    now: '2026-12-07',
  });
  const store: Store = await openStore(url, { env: {} });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    let started = performance.now();
    for (let offset = 0; offset < profiles.length; offset += 1000)
      await store.transaction((tx) =>
        tx.profiles.putMany(
          'bench',
          profiles.slice(offset, offset + 1000).map((profile) => ({
            profile,
            sourceHash: createHash('sha256').update(profile.id).digest('hex'),
            sourcePath: profile.source.file,
          })),
        ),
      );
    const storeMs = performance.now() - started;
    started = performance.now();
    let messages = 0;
    let sms = 0;
    let filled = 0;
    const toCallList: number[] = [];
    for (let order = 0; order < ORDERS; order++) {
      const orderStarted = performance.now();
      const result = await simulateCampaign({
        job: { ...job, id: `order-${order}` },
        profiles,
        pool: 'bench',
        personas,
        store,
        headcount: 1 + (order % 3),
        campaignId: `bench-${order}`,
        // Orders arrive through the week: contact caps across orders apply.
        start: new Date(Date.parse('2026-12-07T08:00:00Z') + (order % 5) * 86_400_000),
        maxDays: 7,
      });
      if (result.hoursToCallList !== null) {
        filled++;
        toCallList.push(performance.now() - orderStarted);
      }
      sms += result.smsSent;
      process.stderr.write(
        `${backend} order ${order + 1}/${ORDERS}: ${result.smsSent} SMS, call list ${result.recruiterCallList.length}, ` +
          `${((performance.now() - orderStarted) / 1000).toFixed(1)} s\n`,
      );
      messages += result.transcripts.reduce((sum, transcript) => sum + transcript.messages.length, 0);
    }
    const totalMs = performance.now() - started;
    toCallList.sort((a, b) => a - b);
    const median = toCallList[toCallList.length >> 1] ?? Number.NaN;
    console.log(
      [
        `${backend.padEnd(8)} pool ${POOL} stored in ${(storeMs / 1000).toFixed(1)} s`,
        `${ORDERS} orders in ${(totalMs / 1000).toFixed(1)} s: ${messages} messages (${sms} SMS out), ` +
          `${(messages / (totalMs / 1000)).toFixed(1)} messages/s through engine + store`,
        `orders with a complete call list: ${filled}/${ORDERS}; wall time per order to its call list: median ` +
          `${(median / 1000).toFixed(2)} s, max ${((toCallList.at(-1) ?? Number.NaN) / 1000).toFixed(2)} s`,
        `peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (load ${loadavg()[0]?.toFixed(1)})`,
      ].join('\n  '),
    );
  } finally {
    clearInterval(sampler);
    await store.close();
  }
}

async function main(): Promise<void> {
  const profiles = Array.from({ length: POOL }, (_, position) => benchProfile(position));
  const personas = profiles.map((profile, position) => benchPersona(profile, position));
  const work = mkdtempSync(join(tmpdir(), 'cvmatch-bench-campaigns-'));
  const server = BACKENDS.includes('postgres') ? await startPostgresServer() : null;
  try {
    for (const backend of BACKENDS) {
      const url = backend === 'postgres' ? (server?.createDatabase('bench') ?? '') : join(work, 'pglite');
      await run(backend, url, profiles, personas);
    }
  } finally {
    server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
