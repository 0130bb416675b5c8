import { Command, CommanderError, Help } from 'commander';
import { COMMANDS, type CommandEntry } from './command-list.js';

/** Exit codes: 0 ok, 1 runtime failure, 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * The command `argv` runs or asks help for (`cvmatch parse …`, `cvmatch help parse`), if it names one; none when
 * it starts with an option (`--help`, `--version`).
 */
function requestedCommand(argv: readonly string[]): CommandEntry | undefined {
  const [first, second] = argv;
  const name = first === 'help' ? second : first;
  return COMMANDS.find((entry) => entry.name === name);
}

function baseProgram(version: string): Command {
  return new Command('cvmatch')
    .description('Match candidates to temp-work job orders: parse CVs, rank, explain, pre-screen.')
    .version(version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
}

/**
 * The program for `argv`: with the command it names registered from its module (which loads the library), or,
 * when it names none (`--help`, `--version`, an unknown command), every command listed from `COMMANDS` without
 * loading any: the top-level help, the version and "unknown command" need nothing more.
 */
export async function createProgram(argv: readonly string[]): Promise<Command> {
  const requested = requestedCommand(argv);
  const wantsVersion = argv.includes('-V') || argv.includes('--version');
  // The version is the library's; it is loaded only when it is shown (or anyway, for a command).
  const version = requested || wantsVersion ? (await import('../index.js')).VERSION : '';
  const program = baseProgram(version);
  if (requested) {
    (await requested.load())(program);
    return program;
  }
  const terms = new Map(COMMANDS.map((entry) => [entry.name, entry.term]));
  const help = new Help();
  program.configureHelp({
    subcommandTerm: (command) => terms.get(command.name()) ?? help.subcommandTerm(command),
  });
  for (const entry of COMMANDS) program.command(entry.name).description(entry.description);
  return program;
}

/** The program with every command registered from its module (tests compare its help with `COMMANDS`). */
export async function createFullProgram(): Promise<Command> {
  const program = baseProgram((await import('../index.js')).VERSION);
  for (const entry of COMMANDS) (await entry.load())(program);
  return program;
}

/** Runs the CLI and returns the exit code (does not call process.exit, so tests can call it). */
export async function runCli(argv: string[]): Promise<number> {
  try {
    const program = await createProgram(argv);
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
      if (error.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    // Errors other than commander's come from a command, which has loaded the library.
    const { CvmatchError, UsageError } = await import('../index.js');
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
