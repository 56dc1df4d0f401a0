import { describe, expect, it } from 'vitest';
import { pressAssign } from './offline-pick';

describe('pressAssign', () => {
	const idle = { armedId: null };

	it('assigns an online volunteer at once', () => {
		expect(pressAssign(idle, { volunteerId: 'a', online: true })).toEqual({ go: true, next: idle });
	});

	it('warns on the first press for someone offline and assigns on the second', () => {
		const first = pressAssign(idle, { volunteerId: 'b', online: false });
		expect(first).toEqual({ go: false, next: { armedId: 'b' } });
		expect(pressAssign(first.next, { volunteerId: 'b', online: false })).toEqual({ go: true, next: idle });
	});

	it('warns again when the second press is on another offline volunteer', () => {
		const first = pressAssign(idle, { volunteerId: 'b', online: false });
		expect(pressAssign(first.next, { volunteerId: 'c', online: false })).toEqual({ go: false, next: { armedId: 'c' } });
	});

	it('forgets the warning once an online volunteer is picked instead', () => {
		const first = pressAssign(idle, { volunteerId: 'b', online: false });
		expect(pressAssign(first.next, { volunteerId: 'a', online: true }).next).toEqual(idle);
	});
});
