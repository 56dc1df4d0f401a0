import { describe, expect, it } from 'vitest';
import type { RequestView } from '$lib/api/types';
import type { BuildingView } from '$lib/api/types';
import { haversineMeters } from '$lib/dispatch/geo';
import { serviceColor, SERVICE_PALETTE } from '$lib/catalogue/palette';
import { MAX_PULSING, pulsingIds, requestMarkers } from './board-markers';

const request = (id: string, minute: number, extra: Partial<RequestView> = {}) =>
	({
		id,
		status: 'open',
		urgency: 'normal',
		createdAt: new Date(Date.UTC(2026, 10, 26, 9, minute)).toISOString(),
		...extra
	}) as RequestView;

describe('pulsingIds', () => {
	it('pulses every open request while there are few', () => {
		const requests = [request('a', 1), request('b', 2), request('c', 3, { status: 'assigned' })];
		expect([...pulsingIds(requests)].sort()).toEqual(['a', 'b']);
	});

	it('pulses only the newest open requests on a crowded board, urgent ones first', () => {
		const requests = Array.from({ length: 40 }, (_, i) => request(`r${i}`, i));
		requests.push(request('old-urgent', 0, { urgency: 'urgent' }));
		const pulsing = pulsingIds(requests);
		expect(pulsing.size).toBe(MAX_PULSING);
		expect(pulsing.has('old-urgent')).toBe(true);
		expect(pulsing.has('r39')).toBe(true);
		expect(pulsing.has('r0')).toBe(false);
		expect([...pulsing].filter((id) => id.startsWith('r')).sort()).toEqual(
			Array.from({ length: MAX_PULSING - 1 }, (_, i) => `r${39 - i}`).sort()
		);
	});
});

describe('requestMarkers', () => {
	const building = { id: 'b1', name: '3栋', lat: 30.99, lng: 105.89 } as BuildingView;
	const buildings = new Map([[building.id, building]]);
	const t = (key: string) => key;
	const at = (id: string, minute: number, extra: Partial<RequestView> = {}) =>
		request(id, minute, { buildingId: 'b1', type: 'repair', unit: '', ...extra });
	const places = (requests: RequestView[]) =>
		new Map(requestMarkers(requests, buildings, null, t, (code) => code).map((m) => [m.id, [m.lat, m.lng] as const]));

	it('puts a lone request on its building, and spreads several so each can be clicked', () => {
		expect(places([at('a', 1)]).get('a')).toEqual([building.lat, building.lng]);
		const spread = [...places(Array.from({ length: 12 }, (_, i) => at(`r${i}`, i))).values()].map(([lat, lng]) => ({ lat, lng }));
		for (const [i, a] of spread.entries()) for (const b of spread.slice(i + 1)) expect(haversineMeters(a, b)).toBeGreaterThan(4);
	});

	it('moves no marker when a newer request arrives or another changes status (a burst re-renders only what is new)', () => {
		const before = [at('a', 1), at('b', 2, { status: 'assigned' }), at('c', 3, { urgency: 'urgent' })];
		const after = [at('d', 4), ...before.map((r) => (r.id === 'a' ? { ...r, status: 'accepted' as const } : r))];
		const old = places(before);
		const now = places(after);
		for (const [id, place] of old) expect(now.get(id)).toEqual(place);
		expect(now.size).toBe(4);
	});

	it('colours each marker by its service from the palette, a service added today too, and names it in the title', () => {
		const markers = requestMarkers([at('a', 1), at('b', 2, { type: 'foot_care' })], buildings, null, t, (code) => `«${code}»`);
		const [repair, foot] = markers;
		expect(repair!.color).toBe(serviceColor('repair'));
		expect(SERVICE_PALETTE).toContain(foot!.color);
		expect(foot!.title).toContain('«foot_care»');
		// No class per type is left for a stylesheet to colour.
		expect(foot!.className.split(' ')).not.toContain('foot_care');
	});
});
