/** What `orderform init` says once the starter config is written: the next steps. */
import { basename } from 'node:path';
import { ONEATLAS_API_KEY_ENV } from '../../engine/providers/oneatlas/settings.js';

export interface InitResult {
  /** The config written, as the user named it. */
  file: string;
  /** The JSON Schema written beside it (none with --schema). */
  schemaFile: string | undefined;
}

export function renderInitNext({ file, schemaFile }: InitResult): string {
  const name = basename(file);
  return (
    `Wrote ${file}${schemaFile ? ` and ${schemaFile}` : ''}. Next:\n` +
    `  export ${ONEATLAS_API_KEY_ENV}=...   # your OneAtlas API key (never written in the config)\n` +
    `  orderform discover --write ${name}   # fills in your contracts and workspaces\n` +
    `  orderform search --aoi site.geojson --pick 1 --append ${name}   # lists matches; orders item 1\n` +
    `  orderform validate -c ${name}\n`
  );
}
