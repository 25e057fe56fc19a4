/** The work of `orderform validate`, loaded only when the command runs (see validate.ts). */
import { countByKind, loadConfig } from '../../engine/config/index.js';
import { hasErrors } from '../../engine/diagnostics.js';
import type { ResourceKind } from '../../engine/model.js';
import type { CliIo } from '../io.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import type { ValidateArgs } from './validate.js';

const KIND_LABELS: Record<ResourceKind, [string, string]> = {
  oneatlas_order: ['OneAtlas order', 'OneAtlas orders'],
  maxar_ard_order: ['Maxar ARD order', 'Maxar ARD orders'],
  quotation_decision: ['quotation decision', 'quotation decisions'],
  oneatlas_alert: ['alert', 'alerts'],
};

export async function runValidate(argv: ValidateArgs, io: CliIo): Promise<void> {
  const paths = argv.files?.length ? argv.files : argv.config;
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
}
