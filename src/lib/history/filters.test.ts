import { describe, expect, it } from 'vitest';
import { apiQuery, communityChange, communityQuery, lastDays, pageUrlWith, readFilters, readTab } from './filters';

const now = new Date('2026-11-20T18:00:00Z'); // already 21 November in the community

describe('history filters in the URL', () => {
	it('default to the last 30 community days', () => {
		const filters = readFilters(new URL('http://x/history'), now);
		expect(filters).toMatchObject({ from: '2026-10-23', to: '2026-11-21', type: '' });
		expect(lastDays(now, 7)).toEqual({ from: '2026-11-15', to: '2026-11-21' });
	});

	it('read what a shared link says', () => {
		const url = new URL('http://x/history?from=2026-11-01&to=2026-11-07&type=repair&tab=stats');
		expect(readFilters(url, now)).toMatchObject({ from: '2026-11-01', to: '2026-11-07', type: 'repair' });
		expect(readTab(url)).toBe('stats');
		expect(readTab(new URL('http://x/history?tab=nonsense'))).toBe('records');
	});

	it('leave empty filters out of the API query', () => {
		const query = apiQuery({ from: '2026-11-01', to: '', communityId: '', type: 'haircut', volunteerId: '', buildingId: '', status: '' });
		expect(query.toString()).toBe('from=2026-11-01&type=haircut');
	});

	it('change one filter and keep the rest', () => {
		const url = pageUrlWith(new URL('http://x/history?type=repair&tab=stats'), { type: '', status: 'completed', tab: 'records' });
		expect(url.search).toBe('?status=completed');
	});

	it('keep the community of a shared link, for the records, the statistics, the CSV and the visit plans', () => {
		const url = new URL('http://x/history?communityId=c-yd&tab=stats&type=repair');
		const filters = readFilters(url, now);
		expect(filters.communityId).toBe('c-yd');
		expect(apiQuery(filters).get('communityId')).toBe('c-yd');
		expect(communityQuery(filters)).toBe('?communityId=c-yd');
		expect(communityQuery({ communityId: '' })).toBe('');
		expect(pageUrlWith(url, { tab: 'visits' }).searchParams.get('communityId')).toBe('c-yd');
		expect(pageUrlWith(url, { communityId: '' }).searchParams.has('communityId')).toBe(false);
	});

	it('let go of a volunteer or building of another community when the community changes', () => {
		const communityOf = {
			volunteer: (id: string) => ({ 'v-dtb': 'c-dtb', 'v-yd': 'c-yd' })[id],
			building: (id: string) => ({ 'b-dtb': 'c-dtb' })[id]
		};
		expect(communityChange('c-yd', { volunteerId: 'v-dtb', buildingId: 'b-dtb' }, communityOf)).toEqual({
			communityId: 'c-yd',
			volunteerId: '',
			buildingId: ''
		});
		expect(communityChange('c-yd', { volunteerId: 'v-yd', buildingId: '' }, communityOf)).toEqual({ communityId: 'c-yd' });
		// Back to the whole scope: everything chosen still lies inside it.
		expect(communityChange('', { volunteerId: 'v-dtb', buildingId: 'b-dtb' }, communityOf)).toEqual({ communityId: '' });
	});
});
