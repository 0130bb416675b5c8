import type { Command } from 'commander';

/** One `cvmatch` command as the top-level help lists it, and how to load its module. */
export interface CommandEntry {
  name: string;
  /** How the top-level help shows its usage (`parse [options] <paths...>`). */
  term: string;
  description: string;
  /** Imports the command's module (and with it the library) and returns its register function. */
  load: () => Promise<(program: Command) => void>;
}

/**
 * The commands, in help order. `cvmatch --help` (and `--version`, or an unknown command) lists them from this
 * table without importing any command module, so it does not load the library; running a command, or asking
 * for its help, imports that command's module alone. `term` and `description` repeat what each module
 * registers: test/cli.test.ts fails when they differ from the help the modules give.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'occupation',
    term: 'occupation [options] [title]',
    description:
      'Normalise a job title (French or English) or a ROME v3/v4 code to ROME v460 occupations, best first, with a calibrated confidence.',
    load: async () => (await import('./commands/occupation.js')).registerOccupationCommand,
  },
  {
    name: 'match',
    term: 'match [options]',
    description:
      'Rank candidates for a job order and print the ranking. Offline by default (rules + local embeddings); with a chat model (--provider mistral or openai, or a --chat-model on openai-compatible) the best 30 are also assessed by the LLM. Candidates missing a requirement are kept with a lower score unless --exclude says otherwise.',
    load: async () => (await import('./commands/match.js')).registerMatchCommand,
  },
  {
    name: 'index',
    term: 'index',
    description: 'Build reusable pool indexes for `cvmatch match --index`.',
    load: async () => (await import('./commands/index-build.js')).registerIndexCommand,
  },
  {
    name: 'eval',
    term: 'eval [options]',
    description:
      'Rank the candidates for every judged job order and print nDCG@k, MAP, MRR and Recall@k per job and overall (relevant = grade ≥ 1 for MAP, MRR and Recall; nDCG uses the grades 0–3).',
    load: async () => (await import('./commands/eval.js')).registerEvalCommand,
  },
  {
    name: 'audit',
    term: 'audit [options]',
    description:
      'Fairness audit of a ranking: builds counterfactual twins of every candidate (names of several origins, gender with French agreements, age, street address, photo mention), ranks originals and twins, and reports Δscore and Δrank distributions and selection-rate impact ratios per group (four-fifths rule), without and (when the provider has a chat model) with the LLM. Exits 1 when any |Δscore| exceeds --threshold or a twin drops out.',
    load: async () => (await import('./commands/audit.js')).registerAuditCommand,
  },
  {
    name: 'parse',
    term: 'parse [options] <paths...>',
    description: 'Parse CVs (PDF, DOCX, TXT; folders are searched recursively) into candidate profiles.',
    load: async () => (await import('./commands/parse.js')).registerParseCommand,
  },
  {
    name: 'screen',
    term: 'screen [options]',
    description:
      'Simulate the SMS pre-screening of one candidate for one job order: prints the messages, how each reply was read and the outcome. Interactive in a terminal; otherwise replies come from --replies or standard input, one per line ("#wait <minutes>" lets time pass: reminder, then no-answer).',
    load: async () => (await import('./commands/screen.js')).registerScreenCommand,
  },
  {
    name: 'serve',
    term: 'serve [options]',
    description:
      "Run the SMS webhook server: candidates' replies (Twilio POST /twilio/sms, signed; JSON POST /sms with a bearer token) go to their campaign conversation, which answers through the SMS transport; delivery receipts (POST /twilio/status, POST /sms/status) update the messages; GET /health checks the store. Secrets come from the environment: TWILIO_AUTH_TOKEN (signature key and API), CVMATCH_WEBHOOK_TOKEN (bearer token of the JSON endpoints, 16+ characters). Logs are JSON lines on stderr, numbers masked, no message text. SIGTERM/SIGINT: stop accepting, finish requests in flight, close the store.",
    load: async () => (await import('./commands/serve.js')).registerServeCommand,
  },
  {
    name: 'pool',
    term: 'pool',
    description: 'Candidate pools kept in the store (parsed and embedded once, ranked many times).',
    load: async () => (await import('./commands/pool.js')).registerPoolCommand,
  },
  {
    name: 'db',
    term: 'db',
    description: 'The store itself: schema migrations, status, retention purge.',
    load: async () => (await import('./commands/db.js')).registerDbCommand,
  },
  {
    name: 'campaign',
    term: 'campaign',
    description: 'Campaigns: fill an order end to end (rank, text in waves, screen, call list).',
    load: async () => (await import('./commands/campaign.js')).registerCampaignCommand,
  },
  {
    name: 'export',
    term: 'export',
    description: 'Export what the store holds in standard formats (fine-tuning JSONL).',
    load: async () => (await import('./commands/export.js')).registerExportCommand,
  },
];
