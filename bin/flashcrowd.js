#!/usr/bin/env node
import { endQuietlyOnClosedPipe } from '../dist/server/cli/io.js';
import { main } from '../dist/server/cli/main.js';

endQuietlyOnClosedPipe();
process.exitCode = await main(process.argv.slice(2));
