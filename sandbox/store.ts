/**
 * The sandbox's mutable data (orders, quotations, alerts, Maxar orders, credit) and its optional
 * persistence: with a state file, every commit rewrites it atomically (temp file + rename), and a
 * restart picks the data up again. Seeded, derived data (catalog, contracts) is not stored.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AlertRecord } from './oneatlas/alerts.js';
import type { WorkOrderRecord } from './oneatlas/order-records.js';
import type { MaxarOrderRecord, MaxarSelectRecord } from './maxar/order-records.js';

export interface StoreData {
  version: 1;
  /** Last number handed out per id family (quotation, sales order, alert, maxar order…). */
  seq: Record<string, number>;
  /** Remaining credit per OneAtlas contract id. */
  credit: Record<string, number>;
  workOrders: WorkOrderRecord[];
  alerts: AlertRecord[];
  maxarOrders: MaxarOrderRecord[];
  /** Maxar ARD selects (absent in state files written before selects existed). */
  maxarSelects?: MaxarSelectRecord[];
}

export class Store {
  readonly data: StoreData;

  constructor(
    initial: () => StoreData,
    private readonly file?: string,
  ) {
    this.data = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StoreData) : initial();
  }

  /** The next number in a family: 1, 2, 3… (persisted with the data). */
  next(family: string): number {
    const n = (this.data.seq[family] ?? 0) + 1;
    this.data.seq[family] = n;
    return n;
  }

  /** Call after every mutation. */
  commit(): void {
    if (!this.file) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.file);
  }
}
