import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, historyQuerySchema, queryObject, statsQuerySchema } from './history-schemas';

const parse = (qs: string) => historyQuerySchema.safeParse(queryObject(new URLSearchParams(qs)));

describe('historyQuerySchema', () => {
	it('reads community days: from its start, to the end of the to day', () => {
		const result = parse('from=2026-11-01&to=2026-11-30&type=repair&limit=20');
		expect(result.success).toBe(true);
		expect(result.data!.from!.toISOString()).toBe('2026-10-31T16:00:00.000Z');
		expect(result.data!.to!.toISOString()).toBe('2026-11-30T16:00:00.000Z');
		expect(result.data!.limit).toBe(20);
		expect(result.data!.format).toBe('json');
	});

	it('takes exact instants with an offset', () => {
		expect(parse('from=2026-11-01T08:00:00%2B08:00').data!.from!.toISOString()).toBe('2026-11-01T00:00:00.000Z');
	});

	it('refuses impossible dates, huge limits, SQL and repeated keys', () => {
		for (const bad of [
			'from=2026-02-30',
			'from=yesterday',
			'to=99999-01-01',
			'from=2026-11-02&to=2026-11-01',
			'limit=1e9',
			'limit=0',
			'limit=abc',
			"type=repair' OR 1=1--",
			'volunteerId=1;drop table requests',
			'status=open',
			'type=repair&type=haircut',
			'cursor=not!a!cursor',
			'sort=id'
		]) {
			expect(parse(bad).success, bad).toBe(false);
		}
	});

	it('treats empty fields as absent', () => {
		expect(parse('type=&from=').success).toBe(true);
	});
});

describe('cursors', () => {
	it('round-trip and refuse tampering', () => {
		const cursor = { finishedAt: '2026-11-20T03:04:05.123456Z', id: '7b0e3c1e-2f4a-4b7e-9d55-0a6f1c2d3e4f' };
		const text = encodeCursor(cursor);
		expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(decodeCursor(text)).toEqual(cursor);
		expect(decodeCursor(encodeCursor({ ...cursor, id: "x' or 1=1" }))).toBeNull();
		expect(decodeCursor(btoa('{"f":1}'))).toBeNull();
	});

	it('refuse an instant of the right shape that never was', () => {
		const id = '7b0e3c1e-2f4a-4b7e-9d55-0a6f1c2d3e4f';
		for (const finishedAt of [
			'2026-02-30T03:04:05.123456Z',
			'2026-13-01T00:00:00.000000Z',
			'2026-11-20T25:00:00.000000Z',
			'1970-01-01T00:00:00.000000Z'
		]) {
			expect(decodeCursor(encodeCursor({ finishedAt, id })), finishedAt).toBeNull();
		}
		expect(decodeCursor(encodeCursor({ finishedAt: '2024-02-29T23:59:59.999999Z', id }))).not.toBeNull();
	});
});

describe('statsQuerySchema', () => {
	it('caps the period at a year', () => {
		expect(statsQuerySchema.safeParse({ from: '2025-01-01', to: '2026-06-01' }).success).toBe(false);
		expect(statsQuerySchema.safeParse({ from: '2026-01-01', to: '2026-06-01' }).success).toBe(true);
	});
});
