/** What `orderform quotation export` says once the PDF is written. */

export interface ExportedQuotation {
  quotationId: string;
  /** The config address it was asked for. */
  address: string;
  /** The PDF written (absolute). */
  file: string;
  bytes: number;
}

export const renderExportedQuotation = (q: ExportedQuotation): string => `Quotation ${q.quotationId} of ${q.address} written to ${q.file} (${q.bytes} bytes).\n`;
