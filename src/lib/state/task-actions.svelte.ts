import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { callApi, type ApiFailure } from '$lib/api/client';
import type { AssigneeAction } from '$lib/dispatch/lifecycle';
import type { RequestView } from '$lib/api/types';
import type { MyTasksState } from './my-tasks.svelte';
import type { HandbackReason } from '$lib/dispatch/reasons';

/** What a step sends: the volunteer's note, and for a decline or release why, as a code. */
export interface StepInput {
	note: string | null;
	reason?: HandbackReason;
	/** On complete: the resident's confirmation code. */
	code?: string;
}

/** Why an action did not go through, in words the page can say plainly. */
export type ActionProblem =
	| { kind: 'conflict' }
	| { kind: 'not_yours' }
	| { kind: 'network' }
	| { kind: 'wrong_code' }
	| { kind: 'other'; status: number; code: string };

function problemOf(outcome: ApiFailure): ActionProblem {
	if (outcome.status === 0) return { kind: 'network' };
	if (outcome.status === 409) return { kind: 'conflict' };
	if (outcome.status === 403 || outcome.status === 404) return { kind: 'not_yours' };
	if (outcome.status === 422 && outcome.issues.some((issue) => issue.path === 'code')) return { kind: 'wrong_code' };
	// The server's English message is not for volunteers; the code chooses the sentence.
	return { kind: 'other', status: outcome.status, code: outcome.code };
}

/** Sends accept / decline / release / start / complete, one at a time per task, and applies the answer. */
export class TaskActionRunner {
	busy = new SvelteSet<string>();
	problems = new SvelteMap<string, ActionProblem>();

	constructor(private tasks: MyTasksState) {}

	async run(id: string, action: AssigneeAction, input: StepInput): Promise<boolean> {
		if (this.busy.has(id)) return false;
		this.busy.add(id);
		this.problems.delete(id);
		this.tasks.beginAction(id);
		try {
			const outcome = await callApi<RequestView>('POST', `/api/requests/${encodeURIComponent(id)}/${action}`, { body: input });
			if (outcome.ok) {
				this.tasks.applyOwn(outcome.data);
				return true;
			}
			// A 401 has sent the reader to sign in again already (the client does, for every call).
			this.problems.set(id, problemOf(outcome));
			// The task changed under us (cancelled, reassigned): show what is true now.
			if (outcome.status === 409 || outcome.status === 403) await this.#refresh(id);
			return false;
		} finally {
			this.tasks.endAction(id);
			this.busy.delete(id);
		}
	}

	async #refresh(id: string) {
		const fresh = await callApi<RequestView[]>('GET', '/api/me/tasks');
		if (!fresh.ok) return;
		const current: RequestView | undefined = fresh.data.find((t) => t.id === id);
		if (current) this.tasks.applyOwn(current);
		else this.tasks.forget(id);
	}
}
