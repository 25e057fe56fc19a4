/** The work of `orderform quotation export`, loaded only when the command runs (see quotation.ts). */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import { exportQuotation } from '../../engine/quotations/export.js';
import { loadCheckedConfig, openStore, withClients } from '../context.js';
import type { CliIo } from '../io.js';
import { renderExportedQuotation, type ExportedQuotation } from '../render/quotation.js';
import type { QuotationExportArgs } from './quotation.js';

export async function run(args: QuotationExportArgs, io: CliIo): Promise<ExportedQuotation> {
  const config = await loadCheckedConfig(args.config, io);
  const store = openStore(config, io, { readOnly: true });
  try {
    return await withClients({ providers: { oneatlas: config.providers.oneatlas } }, io, { debug: args.debug }, async (clients) => {
      if (!clients.oneatlas) throw new DiagnosticsError([error('NO_ONEATLAS_PROVIDER', 'the config declares no OneAtlas provider')]);
      const { quotationId, pdf } = await exportQuotation(config, await store.read(), args.address, clients.oneatlas);
      const out = resolve(io.cwd, args.out ?? `${quotationId}.pdf`);
      await writeFile(out, pdf);
      return { quotationId, address: args.address, file: out, bytes: pdf.length };
    });
  } finally {
    await store.close();
  }
}

export const show = (exported: ExportedQuotation, io: CliIo): void => io.stdout(renderExportedQuotation(exported));
