import { describe, expect, it } from 'vitest';
import type { RequestView } from '$lib/api/types';
import { MAX_PULSING, pulsingIds } from './board-markers';

const request = (id: string, minute: number, extra: Partial<RequestView> = {}) =>
	({ id, status: 'open', urgency: 'normal', createdAt: new Date(Date.UTC(2026, 10, 26, 9, minute)).toISOString(), ...extra }) as RequestView;

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
