// The stairwell QR codes (contract part two, "Residents"): each building's code opens the
// resident's form for that building (/r/:code). Staff print them, one sheet per building.
import QRCode from 'qrcode';
import type { BuildingKind } from '../../dispatch/vocabulary';
import { inScope, isStaff, type Actor } from '../../dispatch/permissions';
import { forbidden, notFound } from '../http/api-error';
import { listBuildings } from '../repositories/buildings';
import { byBuildingName } from '../../dispatch/building-order';
import type { ServiceDeps } from './deps';

/** What a stairwell's QR code opens: the resident's form for that building. */
function residentFormUrl(origin: string, code: string): string {
	return `${origin}/r/${code}`;
}

/**
 * The QR code of a link as SVG. Medium error correction survives a scuffed or dim print; a
 * quiet zone of four modules is what phone cameras expect around it.
 */
function qrSvg(url: string): Promise<string> {
	return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}

export interface QrSheet {
	buildingId: string;
	name: string;
	kind: BuildingKind;
	url: string;
	svg: string;
}

function requireStaff(actor: Actor) {
	if (!isStaff(actor.role)) throw forbidden('Only dispatchers and coordinators may do this.');
}

/** One sheet per building of a community in the actor's scope: stairwells by default, or every building. */
export async function qrSheets(
	deps: Pick<ServiceDeps, 'db'>,
	actor: Actor,
	communityId: string,
	origin: string,
	kinds: readonly BuildingKind[]
): Promise<QrSheet[]> {
	requireStaff(actor);
	if (!inScope(actor, communityId)) throw forbidden('That community is outside the area you work in.');
	const buildings = (await listBuildings(deps.db, [communityId], true)).filter((b) => kinds.includes(b.kind)).sort(byBuildingName);
	return Promise.all(
		buildings.map(async (b) => {
			const url = residentFormUrl(origin, b.code!);
			return { buildingId: b.id, name: b.name, kind: b.kind, url, svg: await qrSvg(url) };
		})
	);
}

/** One building's QR code, for staff of its community's scope (404 outside it, as if it did not exist). */
export async function buildingQrSvg(deps: Pick<ServiceDeps, 'db'>, actor: Actor, buildingId: string, origin: string): Promise<string> {
	requireStaff(actor);
	const building = await deps.db.selectFrom('buildings').select(['community_id', 'code']).where('id', '=', buildingId).executeTakeFirst();
	if (!building || !inScope(actor, building.community_id)) throw notFound('The building');
	return qrSvg(residentFormUrl(origin, building.code));
}
