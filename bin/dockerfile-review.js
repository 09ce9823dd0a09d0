#!/usr/bin/env node
// The package's `bin`: the bundled CLI (built from src/cli.ts by `npm run build`), run on this process's I/O.
import { main, runAsProgram } from '../dist/cli/index.js';

runAsProgram(main);
