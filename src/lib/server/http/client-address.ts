import type { RequestEvent } from '@sveltejs/kit';

/**
 * The caller's address, for the sign-in throttle. Behind a proxy, set adapter-node's
 * ADDRESS_HEADER (and XFF_DEPTH) so this is the client, not the proxy.
 */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress() || 'unknown';
	} catch {
		// ADDRESS_HEADER is set but the request lacks it: count such requests together.
		return 'unknown';
	}
}
