import { Command, CommanderError } from 'commander';
import { CvmatchError, UsageError, VERSION } from '../index.js';
import { registerAuditCommand } from './commands/audit.js';
import { registerCampaignCommand } from './commands/campaign.js';
import { registerDbCommand } from './commands/db.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerExportCommand } from './commands/export.js';
import { registerIndexCommand } from './commands/index-build.js';
import { registerMatchCommand } from './commands/match.js';
import { registerOccupationCommand } from './commands/occupation.js';
import { registerParseCommand } from './commands/parse.js';
import { registerPoolCommand } from './commands/pool.js';
import { registerScreenCommand } from './commands/screen.js';
import { registerServeCommand } from './commands/serve.js';

/** Exit codes: 0 ok, 1 runtime failure, 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function createProgram(): Command {
  const program = new Command('cvmatch')
    .description('Match candidates to temp-work job orders: parse CVs, rank, explain, pre-screen.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  // Each command lives in its own file under ./commands and registers itself here.
  registerOccupationCommand(program);
  registerMatchCommand(program);
  registerIndexCommand(program);
  registerEvalCommand(program);
  registerAuditCommand(program);
  registerParseCommand(program);
  registerScreenCommand(program);
  registerServeCommand(program);
  registerPoolCommand(program);
  registerDbCommand(program);
  registerCampaignCommand(program);
  registerExportCommand(program);
  return program;
}

/** Runs the CLI and returns the exit code (does not call process.exit, so tests can call it). */
export async function runCli(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
      if (error.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`cvmatch: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof CvmatchError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`cvmatch: ${message}\n`);
    if (process.env.CVMATCH_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return EXIT_FAILURE;
  }
}
