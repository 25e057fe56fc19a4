#!/usr/bin/env node
/**
 * Build step (after tsc): the config schema's ajv validators as standalone code, written next to
 * dist/engine/config/schema.js, so that the CLI validates without compiling the schema at each start.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'engine', 'config');
const { precompiledSource, PRECOMPILED_FILE } = await import(join(dist, 'schema.js'));
writeFileSync(join(dist, PRECOMPILED_FILE), precompiledSource());
