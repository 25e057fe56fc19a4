/** The work of `orderform init`, loaded only when the command runs (see init.ts). */
import { access, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import { schemaText } from '../../engine/config/schema.js';
import type { CliIo } from '../io.js';
import { renderInitNext, type InitResult } from '../render/init.js';
import { starterConfig } from '../render/starter-config.js';
import { SCHEMA_FILE, type InitArgs } from './init.js';

export async function run(args: InitArgs, io: CliIo): Promise<InitResult> {
  const file = resolve(io.cwd, args.file);
  const exists = await access(file).then(() => true, () => false);
  if (exists && !args.force) {
    throw new DiagnosticsError([error('CONFIG_EXISTS', `${args.file} already exists`, undefined, 'Pass --force to overwrite it, or name another file: orderform init other.yaml')]);
  }
  const schemaFile = args.schema ? undefined : SCHEMA_FILE;
  if (schemaFile) await writeFile(join(dirname(file), schemaFile), schemaText());
  await writeFile(file, starterConfig(args.schema ?? `./${SCHEMA_FILE}`, args.maxarAccount));
  return { file: args.file, schemaFile };
}

export const show = (result: InitResult, io: CliIo): void => io.stdout(renderInitNext(result));
