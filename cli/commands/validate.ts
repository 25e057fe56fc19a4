import { countByKind, loadConfig } from '../../engine/config/index.js';
import { hasErrors } from '../../engine/diagnostics.js';
import type { ResourceKind } from '../../engine/model.js';
import type { CliIo } from '../io.js';
import { DEFAULT_CONFIG, withConfigOptions, type ConfigOptions } from '../options.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import type { CommandFactory } from './index.js';

const KIND_LABELS: Record<ResourceKind, [string, string]> = {
  oneatlas_order: ['OneAtlas order', 'OneAtlas orders'],
  maxar_ard_order: ['Maxar ARD order', 'Maxar ARD orders'],
  quotation_decision: ['quotation decision', 'quotation decisions'],
  oneatlas_alert: ['alert', 'alerts'],
};

/** `orderform validate [files…]`: every problem at once, offline; exit 1 on any error. */
export const validateCommand: CommandFactory = (io: CliIo) => ({
  command: 'validate [files..]',
  describe: 'Check config files offline: schema, AOIs and vendor rules (no network call)',
  builder: (y) =>
    withConfigOptions(y).positional('files', { type: 'string', array: true, describe: 'Config files or folders (default: --config)' }),
  handler: async (args) => {
    const argv = args as Partial<ConfigOptions> & { files?: string[] };
    const paths = argv.files?.length ? argv.files : (argv.config ?? [DEFAULT_CONFIG]);
    const { config, diagnostics } = await loadConfig(paths, { cwd: io.cwd, env: io.env });
    io.stderr(renderDiagnostics(diagnostics, io.color));
    if (!config || hasErrors(diagnostics)) {
      io.exitCode = 1;
      return;
    }
    const counts = Object.entries(countByKind(config.resources))
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${KIND_LABELS[kind as ResourceKind][n === 1 ? 0 : 1]}`);
    const files = `${config.files.length} file${config.files.length === 1 ? '' : 's'}`;
    io.stdout(`OK: ${files}, ${counts.length ? counts.join(', ') : 'no resources'}\n`);
  },
});
