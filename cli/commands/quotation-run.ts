/** The work of `orderform quotation export`, loaded only when the command runs (see quotation.ts). */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exportQuotation, quotingProvider, quotingSettings } from '../../engine/quotations/export.js';
import { loadCheckedConfig, openStore, withClients } from '../context.js';
import type { CliIo } from '../io.js';
import { renderExportedQuotation, type ExportedQuotation } from '../render/quotation.js';
import type { QuotationExportArgs } from './quotation.js';

export async function run(args: QuotationExportArgs, io: CliIo): Promise<ExportedQuotation> {
  const config = await loadCheckedConfig(args.config, io);
  const store = openStore(config, io, { readOnly: true });
  try {
    const quoting = quotingProvider(config, args.address);
    return await withClients({ providers: quotingSettings(config, quoting) }, io, { debug: args.debug }, async (clients) => {
      const { quotationId, pdf } = await exportQuotation(quoting, clients, { config, state: await store.read(), address: args.address });
      const out = resolve(io.cwd, args.out ?? `${quotationId}.pdf`);
      await writeFile(out, pdf);
      return { quotationId, address: args.address, file: out, bytes: pdf.length };
    });
  } finally {
    await store.close();
  }
}

export const show = (exported: ExportedQuotation, io: CliIo): void => io.stdout(renderExportedQuotation(exported));
