import { describe, expect, it } from 'vitest';
import { stepForVolunteer, volunteerSees, type TimelineFacts } from './timeline-audience';
import type { RequestStep } from './event-actions';

const me = { userId: 'u-me', volunteerId: 'v-me' };
const staff = { actorUserId: 'u-staff', actorRole: 'dispatcher' as const };
const row = (facts: Partial<TimelineFacts>): TimelineFacts => ({
	action: 'create',
	...staff,
	volunteerId: null,
	previousAssigneeId: null,
	...facts
});

describe("a volunteer's view of a timeline", () => {
	it('shows the staff steps every assignee needs: created, cancelled with its reason', () => {
		expect(volunteerSees(row({ action: 'create' }), me)).toEqual({ keepNote: true });
		expect(volunteerSees(row({ action: 'cancel', volunteerId: 'v-me' }), me)).toEqual({ keepNote: true });
	});

	it('shows their own steps with their own notes', () => {
		const own = { actorUserId: 'u-me', actorRole: 'volunteer' as const };
		for (const action of ['accept', 'decline', 'release', 'start', 'complete'] as const) {
			expect(volunteerSees(row({ action, ...own, volunteerId: 'v-me' }), me)).toEqual({ keepNote: true });
		}
	});

	it("hides another volunteer's steps: their decline and its reason, their accept", () => {
		const other = { actorUserId: 'u-x', actorRole: 'volunteer' as const };
		expect(volunteerSees(row({ action: 'decline', ...other, previousAssigneeId: 'v-x' }), me)).toBeNull();
		expect(volunteerSees(row({ action: 'release', ...other, previousAssigneeId: 'v-x' }), me)).toBeNull();
		expect(volunteerSees(row({ action: 'assignee_duty', ...other, volunteerId: 'v-x' }), me)).toBeNull();
		expect(volunteerSees(row({ action: 'accept', ...other, volunteerId: 'v-x' }), me)).toBeNull();
	});

	it('hides that the task was offered to someone else, by staff or by the system', () => {
		expect(volunteerSees(row({ action: 'assign', volunteerId: 'v-x' }), me)).toBeNull();
		expect(volunteerSees(row({ action: 'assign', actorUserId: null, actorRole: null, volunteerId: 'v-x' }), me)).toBeNull();
		expect(volunteerSees(row({ action: 'offer_expired', actorUserId: null, actorRole: null, volunteerId: 'v-x' }), me)).toBeNull();
		expect(volunteerSees(row({ action: 'offer_requeued', actorUserId: null, actorRole: null, previousAssigneeId: 'v-x' }), me)).toBeNull();
		expect(volunteerSees(row({ action: 'reassign', volunteerId: 'v-y', previousAssigneeId: 'v-x' }), me)).toBeNull();
	});

	it('shows offers to them, or away from them, without the names in the note', () => {
		expect(volunteerSees(row({ action: 'assign', volunteerId: 'v-me' }), me)).toEqual({ keepNote: false });
		expect(volunteerSees(row({ action: 'reassign', volunteerId: 'v-me', previousAssigneeId: 'v-x' }), me)).toEqual({ keepNote: false });
		expect(volunteerSees(row({ action: 'reassign', volunteerId: 'v-y', previousAssigneeId: 'v-me' }), me)).toEqual({ keepNote: false });
		expect(volunteerSees(row({ action: 'offer_expired', actorUserId: null, actorRole: null, volunteerId: 'v-me' }), me)).toEqual({
			keepNote: true
		});
	});
});

describe("a volunteer's view of a step's meta", () => {
	it('keeps their own volunteer id and drops every other one', () => {
		const reassign: RequestStep = { action: 'reassign', meta: { fromVolunteerId: 'v-x', toVolunteerId: 'v-me' } };
		expect(stepForVolunteer(reassign, 'v-me')).toEqual({ action: 'reassign', meta: { fromVolunteerId: null, toVolunteerId: 'v-me' } });
		expect(stepForVolunteer(reassign, 'v-x')).toEqual({ action: 'reassign', meta: { fromVolunteerId: 'v-x', toVolunteerId: null } });
		const assign: RequestStep = { action: 'assign', meta: { source: 'visit_plan', planId: 'p1', volunteerId: 'v-x' } };
		expect(stepForVolunteer(assign, 'v-me')).toEqual({ action: 'assign', meta: { source: 'visit_plan', planId: 'p1', volunteerId: null } });
		expect(stepForVolunteer({ ...assign, meta: { source: 'staff', volunteerId: 'v-me' } }, 'v-me').meta).toEqual({
			source: 'staff',
			volunteerId: 'v-me'
		});
	});

	it('leaves meta that names no volunteer as it is', () => {
		const steps: RequestStep[] = [
			{ action: 'create', meta: { source: 'visit_plan', planId: 'p1' } },
			{ action: 'offer_expired', meta: { minutes: 5 } },
			{ action: 'cancel', meta: {} }
		];
		for (const step of steps) expect(stepForVolunteer(step, 'v-me')).toEqual(step);
	});
});
