/**
 * OneAtlas AOI alerts: create (POST), rename in place (one PUT), replace (DELETE then POST) and
 * delete. A create records an intent first so that a lost answer is found again by name and context.
 */
import { specOf, stateFor, withIntent } from '../../../core/resource-state.js';
import type { ApplyContext, ChangeHandler } from '../../../core/handler.js';
import type { AlertSpec } from '../../../model.js';
import type { ResourceState } from '../../../state/types.js';
import type { OneAtlasClient } from '../client.js';
import { toAlertCreate } from '../convert.js';

function alertId(prior: ResourceState | undefined, address: string): string {
  const id = prior?.remote.alertId;
  if (!id) throw new Error(`${address}: state has no alert id for this alert`);
  return id;
}

async function create(client: OneAtlasClient, s: AlertSpec, prior: ResourceState | undefined, ctx: ApplyContext): Promise<ResourceState> {
  const created = await withIntent(ctx, s, prior, 'create', {}, () => client.createAlert(toAlertCreate(s)));
  return stateFor(s, undefined, ctx.now(), { status: 'active', remote: { alertId: created.id } });
}

export function oneatlasAlertHandler(client: OneAtlasClient): ChangeHandler {
  return {
    async apply(change, spec, prior, ctx) {
      switch (change.action) {
        case 'create':
          return create(client, specOf(spec, 'oneatlas_alert', change.address), prior, ctx);
        case 'update': {
          const s = specOf(spec, 'oneatlas_alert', change.address);
          await client.renameAlert(alertId(prior, change.address), s.name);
          return stateFor(s, prior, ctx.now(), { status: 'active', remote: prior!.remote });
        }
        case 'replace': {
          const s = specOf(spec, 'oneatlas_alert', change.address);
          await client.deleteAlert(alertId(prior, change.address));
          return create(client, s, undefined, ctx);
        }
        case 'delete':
          await client.deleteAlert(alertId(prior, change.address));
          return null;
        default:
          throw new Error(`${change.address}: an alert cannot ${change.action}`);
      }
    },
  };
}
