import { describe, expect, it } from 'vitest';
import type { RequestView } from '$lib/api/types';
import { boundsOf, chosenCommunity, countByCommunity, countByStatus, groupByCommunity } from './board-scope';

const request = (id: string, communityId: string, status: RequestView['status']) => ({ id, communityId, status }) as RequestView;

const requests = [
	request('a', 'dtb', 'open'),
	request('b', 'dtb', 'open'),
	request('c', 'dtb', 'in_progress'),
	request('d', 'yd', 'assigned'),
	request('e', 'yd', 'completed'),
	request('f', 'elsewhere', 'open')
];

describe('counts on a board of several communities', () => {
	it('counts active requests by status and leaves finished ones out', () => {
		expect(countByStatus(requests)).toEqual({ open: 3, assigned: 1, accepted: 0, in_progress: 1 });
		expect(countByStatus([])).toEqual({ open: 0, assigned: 0, accepted: 0, in_progress: 0 });
	});

	it('counts each community of the scope, quiet ones with zeros, in the scope order', () => {
		const counts = countByCommunity(requests, ['yd', 'gya', 'dtb']);
		expect([...counts.keys()]).toEqual(['yd', 'gya', 'dtb']);
		expect(counts.get('dtb')).toEqual({ open: 2, assigned: 0, accepted: 0, in_progress: 1 });
		expect(counts.get('yd')).toEqual({ open: 0, assigned: 1, accepted: 0, in_progress: 0 });
		expect(counts.get('gya')).toEqual({ open: 0, assigned: 0, accepted: 0, in_progress: 0 });
		// A request of a community outside the scope is nobody's row here.
		expect(counts.has('elsewhere')).toBe(false);
	});

	it('agrees with counting each community on its own', () => {
		const counts = countByCommunity(requests, ['dtb', 'yd']);
		for (const id of ['dtb', 'yd']) expect(counts.get(id)).toEqual(countByStatus(requests.filter((r) => r.communityId === id)));
	});
});

describe('communities on the map and in the URL', () => {
	it('groups records by community, keeping their order', () => {
		const groups = groupByCommunity(requests);
		expect(groups.get('dtb')!.map((r) => r.id)).toEqual(['a', 'b', 'c']);
		expect(groups.get('yd')!.map((r) => r.id)).toEqual(['d', 'e']);
	});

	it('boxes a community around its buildings, and an empty one not at all', () => {
		const box = boundsOf([
			{ lat: 30.99, lng: 105.89 },
			{ lat: 31.01, lng: 105.87 },
			{ lat: 31.0, lng: 105.9 }
		]);
		expect(box).toEqual([
			[30.99, 105.87],
			[31.01, 105.9]
		]);
		expect(boundsOf([])).toBeNull();
	});

	it('takes a community from the URL only when it is one of the scope', () => {
		const scope = [
			{ id: 'dtb', name: '大田坝社区' },
			{ id: 'yd', name: '一段社区' }
		];
		expect(chosenCommunity('yd', scope)).toBe('yd');
		expect(chosenCommunity('elsewhere', scope)).toBeNull();
		expect(chosenCommunity(null, scope)).toBeNull();
	});
});
