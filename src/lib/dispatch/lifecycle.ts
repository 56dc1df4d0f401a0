import type { Status } from './vocabulary';

/** Everything that can happen to a request after it is created. */
export const ACTIONS = ['assign', 'accept', 'decline', 'release', 'start', 'complete', 'cancel'] as const;
export type Action = (typeof ACTIONS)[number];

/** The contract's lifecycle table: which statuses an action starts from, and where it leads. */
const TRANSITIONS: Record<Action, { from: readonly Status[]; to: Status }> = {
	assign: { from: ['open'], to: 'assigned' },
	accept: { from: ['assigned'], to: 'accepted' },
	decline: { from: ['assigned'], to: 'open' },
	// The assignee gives back a task they took on but cannot finish: it goes back to the queue.
	release: { from: ['accepted', 'in_progress'], to: 'open' },
	start: { from: ['accepted'], to: 'in_progress' },
	complete: { from: ['in_progress'], to: 'completed' },
	cancel: { from: ['open', 'assigned', 'accepted', 'in_progress'], to: 'cancelled' }
};

/** The status an action leads to, or null when the action is not allowed from `from`. */
export function nextStatus(from: Status, action: Action): Status | null {
	const rule = TRANSITIONS[action];
	return rule.from.includes(from) ? rule.to : null;
}

export function allowedFrom(action: Action): readonly Status[] {
	return TRANSITIONS[action].from;
}

/**
 * Only an offer nobody has accepted yet can move to another volunteer: once accepted, the task
 * is the volunteer's until they finish it or staff cancel it. The status stays 'assigned'.
 */
export const REASSIGNABLE_FROM: readonly Status[] = ['assigned'];

/** What a dispatcher's pick of a volunteer does to a request. */
export type PickAction = 'assign' | 'reassign';

/** Assign an open request, move an unanswered offer to the one picked, nothing otherwise. */
export function pickAction(status: Status): PickAction | null {
	if (allowedFrom('assign').includes(status)) return 'assign';
	if (REASSIGNABLE_FROM.includes(status)) return 'reassign';
	return null;
}

/** Actions only the assigned volunteer may take. */
export const ASSIGNEE_ACTIONS = ['accept', 'decline', 'release', 'start', 'complete'] as const satisfies readonly Action[];
export type AssigneeAction = (typeof ASSIGNEE_ACTIONS)[number];

export function isAssigneeAction(action: Action): action is AssigneeAction {
	return (ASSIGNEE_ACTIONS as readonly Action[]).includes(action);
}
