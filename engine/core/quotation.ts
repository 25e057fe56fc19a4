/** A vendor's quotation document, as `orderform quotation export` writes it (Provider.quotations). */
import type { Config } from '../model.js';
import type { StateSnapshot } from '../state/types.js';

export interface QuotationExport {
  quotationId: string;
  pdf: Uint8Array;
}

/** What the provider is asked: the quotation an address of the config stands for (reads only). */
export interface QuotationQuery {
  config: Pick<Config, 'resources'>;
  state: StateSnapshot;
  address: string;
}
