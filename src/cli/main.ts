#!/usr/bin/env node
import { runCli } from './program.js';

// The `cvmatch` binary. Everything testable lives in program.ts.
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
