import { describe, expect, it } from 'vitest';
import { EventBudget, SocketCounter } from './socket-limits';

describe('EventBudget', () => {
	it('lets a burst through at once, then refuses until time refills it', () => {
		const budget = new EventBudget(5, 20, 0);
		const first = Array.from({ length: 25 }, () => budget.take(0));
		expect(first.filter(Boolean).length).toBe(20);
		expect(budget.take(100)).toBe(false); // half a token
		expect(budget.take(200)).toBe(true); // one token after 200 ms at 5/s
		expect(budget.take(200)).toBe(false);
	});

	it('never saves more than the burst, however long the socket was quiet', () => {
		const budget = new EventBudget(5, 20, 0);
		const later = Array.from({ length: 30 }, () => budget.take(3_600_000));
		expect(later.filter(Boolean).length).toBe(20);
	});

	it('keeps the average over a long run', () => {
		const budget = new EventBudget(5, 20, 0);
		let passed = 0;
		for (let ms = 0; ms < 10_000; ms += 10) if (budget.take(ms)) passed += 1;
		// 20 at once plus 5 a second for 10 s.
		expect(passed).toBeGreaterThanOrEqual(68);
		expect(passed).toBeLessThanOrEqual(70);
	});
});

describe('SocketCounter', () => {
	it('refuses a socket past the cap, and counts each user apart', () => {
		const counter = new SocketCounter(2);
		expect([counter.tryOpen('a'), counter.tryOpen('a'), counter.tryOpen('a')]).toEqual([true, true, false]);
		expect(counter.tryOpen('b')).toBe(true);
		counter.close('a');
		expect(counter.tryOpen('a')).toBe(true);
		expect(counter.openFor('a')).toBe(2);
	});
});
