// The service catalogue, edited by county and street coordinators. Each change is one
// service_updated event in its own transaction, so every board, tab and node (the candidate
// roster reads a service's skill from it) hears it, live or on catch-up. Codes are never
// deleted: a service is made inactive, and history still names it.
import type { ServiceView } from '../../api/types';
import { mayEditCatalogue, type Actor } from '../../dispatch/permissions';
import type { ServiceFields } from '../../catalogue/service-rules';
import { insertService, updateService } from '../repositories/services';
import { conflict, forbidden, notFound } from '../http/api-error';
import { commitChange } from './commit';
import { serviceSaved } from './event-records';
import type { ServiceDeps } from './deps';

export function requireCatalogueEditor(actor: Actor): void {
	if (!mayEditCatalogue(actor)) throw forbidden('Only county and street coordinators may edit the service catalogue.');
}

/** A new service, usable for requests at once when active. 409 when its code is taken. */
export async function addService(deps: ServiceDeps, actor: Actor, service: ServiceView): Promise<ServiceView> {
	requireCatalogueEditor(actor);
	return commitChange(deps, async (trx) => {
		const saved = await insertService(trx, service);
		if (!saved) throw conflict(`There is already a service with the code ${service.code}; codes are never reused, even when inactive.`);
		return { result: saved, events: [serviceSaved(actor.userId, saved)] };
	});
}

/** A service's new state, every field but its code. Requests already made keep their type. */
export async function changeService(deps: ServiceDeps, actor: Actor, code: string, fields: ServiceFields): Promise<ServiceView> {
	requireCatalogueEditor(actor);
	return commitChange(deps, async (trx) => {
		const saved = await updateService(trx, code, fields);
		if (!saved) throw notFound(`The service ${code}`);
		return { result: saved, events: [serviceSaved(actor.userId, saved)] };
	});
}
