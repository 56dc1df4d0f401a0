import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { RequestView } from '$lib/api/types';
import type { CaughtUpEvent } from '$lib/realtime/events';
import { compareCodeUnits } from '$lib/dispatch/compare';

/** Why a task left the volunteer's list without them finishing it. */
export type TaskNoticeKind = 'cancelled' | 'reassigned' | 'requeued';

export interface TaskNotice {
	key: number;
	kind: TaskNoticeKind;
	request: RequestView;
	/** A cancellation's reason, as the dispatcher wrote it. */
	reason?: string;
}

/** What one batch of events brought that the page should announce. */
export interface AppliedBatch {
	arrived: RequestView[];
	notices: TaskNotice[];
}

const ACTIVE = new Set(['assigned', 'accepted', 'in_progress']);
// An offer waiting for an answer comes first, then work under way, then work accepted.
const ORDER: Record<string, number> = { assigned: 0, in_progress: 1, accepted: 2 };
// Only those are ever held here; anything else would sort after them.
const orderOf = (status: string) => ORDER[status] ?? 3;
const MAX_NOTICES = 5;
const MAX_COMPLETED = 200;

/**
 * The volunteer's live picture: their active tasks, the tasks they finished recently, and
 * what they must be told. Each event carries a whole request with its version, so an event
 * the page already reflects (from its first load or its own action) changes nothing.
 */
export class MyTasksState {
	tasks = new SvelteMap<string, RequestView>();
	completed = $state<RequestView[]>([]);
	notices = $state<TaskNotice[]>([]);
	/** Assignments that arrived live and have not been seen yet. */
	unread = new SvelteSet<string>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping no view reads
	#acting = new Set<string>();
	#noticeKey = 0;

	readonly active = $derived(
		[...this.tasks.values()].sort(
			(a, b) => orderOf(a.status) - orderOf(b.status) || compareCodeUnits(a.assignedAt ?? '', b.assignedAt ?? '')
		)
	);

	constructor(
		readonly volunteerId: string,
		tasks: RequestView[],
		completed: RequestView[]
	) {
		for (const task of tasks) this.tasks.set(task.id, task);
		this.completed = completed;
	}

	apply(batch: CaughtUpEvent[]): AppliedBatch {
		const result: AppliedBatch = { arrived: [], notices: [] };
		for (const message of batch) {
			if (message.event !== 'task:assigned' && message.event !== 'task:updated') continue;
			const outcome = this.#take(message.data.request, message.data.reason);
			if (outcome === 'arrived') result.arrived.push(message.data.request);
			else if (outcome) result.notices.push(outcome);
		}
		return result;
	}

	/** The answer to this tab's own action: applied at once, without telling the volunteer what they did. */
	applyOwn(request: RequestView): void {
		this.#take(request);
	}

	/** While this tab acts on a task, its leaving the list (a decline) is no news to announce. */
	beginAction(id: string): void {
		this.#acting.add(id);
		this.unread.delete(id);
	}

	endAction(id: string): void {
		this.#acting.delete(id);
	}

	/** Drops a task the server no longer lists as ours; the page has already said why. */
	forget(id: string): void {
		this.tasks.delete(id);
		this.unread.delete(id);
	}

	markAllSeen(): void {
		this.unread.clear();
	}

	dismiss(key: number): void {
		this.notices = this.notices.filter((n) => n.key !== key);
	}

	#take(request: RequestView, reason?: string): 'arrived' | TaskNotice | null {
		const existing = this.tasks.get(request.id);
		if (existing && existing.version >= request.version) return null;
		const mine = request.assigneeId === this.volunteerId;

		if (mine && ACTIVE.has(request.status)) {
			this.tasks.set(request.id, request);
			if (existing || request.status !== 'assigned') return null;
			this.unread.add(request.id);
			return 'arrived';
		}
		if (mine && request.status === 'completed') {
			this.tasks.delete(request.id);
			if (!this.completed.some((c) => c.id === request.id)) {
				this.completed = [withoutContact(request), ...this.completed].slice(0, MAX_COMPLETED);
			}
			return null;
		}
		if (!existing) return null;
		this.tasks.delete(request.id);
		this.unread.delete(request.id);
		if (this.#acting.has(request.id)) return null;
		const kind: TaskNoticeKind = request.status === 'cancelled' ? 'cancelled' : request.status === 'open' ? 'requeued' : 'reassigned';
		// The resident's details stay only with whoever now holds the task.
		const notice: TaskNotice = {
			key: ++this.#noticeKey,
			kind,
			request: withoutContact({ ...existing, ...request }),
			...(kind === 'cancelled' && reason ? { reason } : {})
		};
		this.notices = [notice, ...this.notices].slice(0, MAX_NOTICES);
		return notice;
	}
}

function withoutContact(request: RequestView): RequestView {
	const { contactName: _name, contactPhone: _phone, ...rest } = request;
	return rest;
}
