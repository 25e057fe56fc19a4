import { withCriteriaOptions, type CriteriaOptions } from '../criteria-options.js';
import type { CliIo } from '../io.js';
import { withConfigOptions, withRunOptions, type ConfigOptions, type RunOptions, examples } from '../options.js';
import { defineCommand, perform, type CommandFactory } from './define.js';

export interface DeliveriesArgs extends ConfigOptions, RunOptions, CriteriaOptions {
  aoi?: string;
  orderedFrom?: string;
  orderedTo?: string;
  status?: ('delivered' | 'in-progress' | 'failed')[];
  download?: string;
  output: 'text' | 'json';
}

/** `orderform deliveries`: what was delivered for the orders in state, and `--download DIR` to fetch the downloadable products. */
export const deliveriesCommand: CommandFactory = (io: CliIo) => defineCommand({
  command: 'deliveries',
  describe: 'List what was delivered for the orders in state (OneAtlas products, Maxar buckets), optionally filtered; --download fetches products (resumable, checksummed)',
  builder: (y) =>
    withCriteriaOptions(withRunOptions(withConfigOptions(y)), { updated: false })
      .option('aoi', { type: 'string', requiresArg: true, describe: 'Only products whose footprint meets this GeoJSON AOI' })
      .option('ordered-from', { type: 'string', requiresArg: true, describe: 'Only orders placed on or after this day, YYYY-MM-DD (Maxar: the listing\'s start_date)' })
      .option('ordered-to', { type: 'string', requiresArg: true, describe: 'Only orders placed on or before this day, YYYY-MM-DD (Maxar: end_date)' })
      .option('status', { type: 'array', string: true, choices: ['delivered', 'in-progress', 'failed'] as const, requiresArg: true, describe: 'Only orders in these statuses (Maxar: as Maxar reports them now; OneAtlas: as state holds them)' })
      .option('download', { type: 'string', requiresArg: true, describe: 'Download every delivered product into this folder (skips complete files, resumes partial ones)' })
      .option('output', { alias: 'o', choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format of the listing' })
      .example(
        examples([
          ['$0 deliveries', 'What has been delivered so far'],
          ['$0 deliveries --download ./imagery', 'Fetch it; run again to resume an interrupted download'],
          ['$0 deliveries --published-from 2025-06-01 --max-cloud 10', 'Harvest: clear products published since June 1st'],
          ['$0 deliveries --aoi harbour.geojson --from 2024-01-01', 'Only the products over the harbour acquired since 2024'],
          ['$0 deliveries --ordered-from 2025-06-01 --status delivered', 'Delivered orders placed since June 1st'],
          ['$0 deliveries --download ./imagery --quiet', 'No progress bar and no line per file: only the count and failures'],
        ]),
      ),
  handler: (args) => perform(import('./deliveries-run.js'), args, io),
});
