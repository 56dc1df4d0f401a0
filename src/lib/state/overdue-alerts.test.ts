import { describe, expect, it } from 'vitest';
import type { RequestView } from '$lib/api/types';
import type { CaughtUpEvent } from '$lib/realtime/events';
import { OverdueAlerts } from './overdue-alerts.svelte';

const NOW = Date.parse('2026-01-01T12:00:00Z');

function updated(seq: number, id: string, overdue: RequestView['overdue'], missedAt: string): CaughtUpEvent {
	const request = {
		id,
		type: 'repair',
		unit: '1-101',
		description: 'leak',
		overdue,
		deadlines: { assignBy: missedAt, completeBy: missedAt }
	} as RequestView;
	return { seq, event: 'request:updated', data: { seq, request } };
}

describe('OverdueAlerts', () => {
	it('alerts once per request and milestone, only for a deadline just missed, until dismissed', () => {
		const alerts = new OverdueAlerts();
		alerts.take([updated(1, 'a', 'assign', '2026-01-01T11:59:00Z'), updated(2, 'a', 'assign', '2026-01-01T11:59:00Z')], NOW);
		expect(alerts.list.map((a) => a.key)).toEqual(['a:assign']);
		// Overdue for hours, then changed again: old news.
		alerts.take([updated(3, 'b', 'complete', '2026-01-01T06:00:00Z')], NOW);
		// Not overdue at all.
		alerts.take([updated(4, 'c', null, '2026-01-01T11:59:00Z')], NOW);
		expect(alerts.list.map((a) => a.key)).toEqual(['a:assign']);
		// The same request missing its next deadline is news again, and replaces its first alert.
		alerts.take([updated(5, 'a', 'complete', '2026-01-01T11:58:00Z')], NOW);
		expect(alerts.list.map((a) => a.key)).toEqual(['a:complete']);
		alerts.dismiss('a:complete');
		expect(alerts.list).toEqual([]);
	});
});
