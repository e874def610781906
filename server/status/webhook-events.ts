/**
 * Turns a tick's output (or a published, corrected or closing notice) into outgoing webhook
 * messages, inside the transaction that stores it: an `incident.updated` for every notice, a
 * `component.updated` for every service whose status changed: its level changed, or a notice
 * said users are fine where the one before it did not, or the other way round (levels.ts).
 * Bodies in the Statuspage webhook shape, built by the status module.
 */
import type { Notice } from '../core/engine/types.js';
import type { Store } from '../store/store.js';
import type { DrillOutput } from '../drills/drill-runner.js';
import { enqueue } from '../webhooks/enqueue.js';
import { isoNow, type Clock } from '../clock/clock.js';
import { buildComponent } from './components.js';
import { buildIncident, chronological } from './incidents.js';
import { usersFineAfter } from './levels.js';
import { buildStatus } from './statuspage.js';
import type { StatusInput } from './status-input.js';
import type { StatusSource } from './status-source.js';

const DOCUMENTATION = 'https://github.com/flashcrowd/flashcrowd#webhooks';

export function webhookPersistHook(status: StatusSource, publicUrl: () => string, clock: Clock) {
  return async (store: Store, out: DrillOutput, changedServices: readonly string[]): Promise<void> => {
    if (out.notices.length === 0 && changedServices.length === 0) return;
    const input = await status.input(store);
    const page = pageOf(input);
    const meta = { unsubscribe: '', documentation: DOCUMENTATION, generated_at: isoNow(clock) };
    const unsubscribeUrl = (id: string): string => `${publicUrl()}/api/v1/webhooks/${encodeURIComponent(id)}`;
    for (const notice of out.notices) {
      // a correction can concern an incident older than the ones the status documents list
      const own = input.incidents.some((i) => i.id === notice.incidentId) ? input : await status.incidentInput(notice.incidentId, store);
      const incident = own?.incidents.find((i) => i.id === notice.incidentId);
      if (!own || !incident) continue;
      await enqueue(store, 'incident.updated', { meta, page, incident: { ...buildIncident(own, incident, 'en') } }, { unsubscribeUrl, now: clock.now() });
    }
    const components = new Set(changedServices);
    for (const notice of out.notices) if (turnsUsersFine(input, notice)) components.add(notice.service);
    for (const name of components) {
      const position = input.services.findIndex((s) => s.name === name);
      const service = input.services[position];
      if (!service) continue;
      const component = buildComponent(input.page, service, position + 1);
      await enqueue(store, 'component.updated', {
        meta,
        page,
        component: { ...component },
        component_update: { id: `${name}-${service.updatedAt}`, component_id: name, new_status: component.status, created_at: service.updatedAt },
      }, { unsubscribeUrl, now: clock.now() });
    }
  };
}

/** Whether `notice` says users are fine where the notice before it in its incident did not, or the other way round. */
function turnsUsersFine(input: StatusInput, notice: Notice): boolean {
  const fine = (n: Notice): boolean => n.stage === 'resolved' || usersFineAfter(n);
  const notices = [...(input.incidents.find((i) => i.id === notice.incidentId)?.notices ?? [])].sort(chronological);
  const before = notices[notices.findIndex((n) => n.id === notice.id) - 1];
  return fine(notice) !== (before !== undefined && fine(before));
}

function pageOf(input: StatusInput) {
  const { status } = buildStatus(input, 'en');
  return { id: input.page.id, status_indicator: status.indicator, status_description: status.description };
}
