import type { PageServerLoad } from './$types';
import { guardPage, requestedCommunities, requireStaff } from '$lib/server/http/guards';
import { qrSheets } from '$lib/server/services/qr-codes';
import type { BuildingKind } from '$lib/dispatch/vocabulary';

/** Stairwells by default; `kind=all` adds shops and public buildings. */
const KINDS: Record<string, BuildingKind[]> = { residential: ['residential'], all: ['residential', 'shop', 'public'] };

export const load: PageServerLoad = async (event) => {
	guardPage(event);
	await event.parent();
	const actor = requireStaff(event);
	const app = event.locals.app;
	// A coordinator above one community picks which one; the first of their scope until they do.
	const communities = requestedCommunities(event, actor);
	const communityId = communities[0]!;
	const kind = event.url.searchParams.get('kind') === 'all' ? 'all' : 'residential';
	const tree = app.areas.tree;
	return {
		communityId,
		communityName: tree.get(communityId)?.name ?? '',
		communities: actor.communityIds.map((id) => ({ id, name: tree.get(id)?.name ?? id })),
		kind,
		sheets: await qrSheets(app.services, actor, communityId, event.url.origin, KINDS[kind]!)
	};
};
