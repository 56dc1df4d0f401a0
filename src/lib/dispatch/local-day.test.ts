import { describe, expect, it } from 'vitest';
import { startOfLocalDay } from './local-day';

describe('startOfLocalDay', () => {
	it('starts the China day at 16:00 UTC the evening before', () => {
		expect(startOfLocalDay(new Date('2026-11-26T03:00:00Z')).toISOString()).toBe('2026-11-25T16:00:00.000Z');
		expect(startOfLocalDay(new Date('2026-11-26T15:59:59.999Z')).toISOString()).toBe('2026-11-25T16:00:00.000Z');
	});

	it('rolls over at local midnight exactly', () => {
		expect(startOfLocalDay(new Date('2026-11-26T16:00:00Z')).toISOString()).toBe('2026-11-26T16:00:00.000Z');
	});

	it('works for other offsets, including UTC', () => {
		expect(startOfLocalDay(new Date('2026-11-26T03:00:00Z'), 0).toISOString()).toBe('2026-11-26T00:00:00.000Z');
		expect(startOfLocalDay(new Date('2026-11-26T03:00:00Z'), -5).toISOString()).toBe('2026-11-25T05:00:00.000Z');
	});
});
