import { SvelteMap } from 'svelte/reactivity';
import type { RequestView } from '$lib/api/types';
import type { LedTeamView, LedTeamsView, TeamMemberView } from '$lib/api/team-types';
import type { CaughtUpEvent } from '$lib/realtime/events';
import type { FailedCall } from '$lib/i18n/api-problem';
import { callApi } from '$lib/api/client';
import { compareCodeUnits } from '$lib/dispatch/compare';

/** What a batch of events meant for the desk. */
export interface DeskNews {
	/** Requests newly handed to the leader's teams: worth a chime. */
	arrived: RequestView[];
	/** Something the events do not carry changed (the team, or members' duty): read the desk again. */
	stale: boolean;
}

/**
 * A team leader's desk: the teams they lead, their members, and the open requests handed to
 * those teams. Requests follow events (team:request, and the task events of a leader who is
 * also the assignee, which carry the same snapshot), applied by version; the members' duty and
 * the teams themselves are read again when an event says they may have changed.
 */
export class TeamDeskState {
	state = $state<'ready' | 'loading' | 'error'>('ready');
	problem = $state<FailedCall | null>(null);
	teams = $state<LedTeamView[]>([]);
	requests = new SvelteMap<string, RequestView>();
	readonly open = $derived([...this.requests.values()].sort((a, b) => compareCodeUnits(a.createdAt, b.createdAt)));
	/** The newest version seen of every request, kept after it leaves the desk, so an older snapshot never brings it back. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping no view reads
	#versions = new Map<string, number>();
	/** Requests an event changed while a read was on its way: the event is newer than the read. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping no view reads
	#touched = new Set<string>();
	#reading = false;

	constructor(
		readonly volunteerId: string,
		initial: LedTeamsView | null
	) {
		if (initial) this.#take(initial);
		else this.state = 'error';
	}

	/** Whether there is anything to show: a team led, or a desk that could not be read. */
	get shown(): boolean {
		return this.teams.length > 0 || this.state === 'error';
	}

	apply(batch: CaughtUpEvent[]): DeskNews {
		const news: DeskNews = { arrived: [], stale: false };
		for (const message of batch) {
			if (message.event === 'team:updated') {
				const { team } = message.data;
				if (team.leaderVolunteerId === this.volunteerId || this.teams.some((t) => t.id === team.id)) news.stale = true;
				continue;
			}
			if (!('request' in message.data)) continue;
			const request = message.data.request;
			if (!request.teamId || !this.teams.some((t) => t.id === request.teamId)) continue;
			const isNew = !this.requests.has(request.id) && request.status === 'open';
			if (this.#put(request) && isNew) {
				news.arrived.push(request);
				news.stale = true; // who can take it: the members' duty is not in the events
			}
		}
		return news;
	}

	/** The answer to this tab's own assign. */
	applyOwn(request: RequestView): void {
		this.#put(request);
	}

	async refresh(): Promise<void> {
		if (this.#reading) return; // one read at a time; the running one will do
		this.#reading = true;
		this.#touched.clear();
		this.state = this.teams.length ? this.state : 'loading';
		const result = await callApi<LedTeamsView>('GET', '/api/teams/led');
		this.#reading = false;
		if (!result.ok) {
			this.problem = { status: result.status, code: result.code };
			this.state = 'error';
			return;
		}
		this.#take(result.data);
		this.problem = null;
		this.state = 'ready';
	}

	/** The members of the request's team who can take it now: active, on duty, with the skill; online and least busy first. */
	membersFor(request: RequestView, skill: string): TeamMemberView[] {
		const team = this.teams.find((t) => t.id === request.teamId);
		return (team?.members ?? [])
			.filter((m) => m.active && m.available && m.skills.includes(skill))
			.sort((a, b) => Number(b.online) - Number(a.online) || a.activeCount - b.activeCount || a.name.localeCompare(b.name, 'zh-CN'));
	}

	teamName(teamId: string | null): string {
		return this.teams.find((t) => t.id === teamId)?.name ?? '';
	}

	/** A read of the desk; what an event changed while it was on its way is newer, and stays. */
	#take(desk: LedTeamsView): void {
		this.teams = desk.teams;
		const listed = desk.requests.map((r) => r.id);
		for (const id of [...this.requests.keys()]) if (!listed.includes(id) && !this.#touched.has(id)) this.requests.delete(id);
		for (const request of desk.requests) if (!this.#touched.has(request.id)) this.#put(request);
		this.#touched.clear();
	}

	/** Applies one snapshot if it is newer than what the desk holds; whether it did. */
	#put(request: RequestView): boolean {
		if ((this.#versions.get(request.id) ?? -1) >= request.version) return false;
		this.#versions.set(request.id, request.version);
		if (this.#reading) this.#touched.add(request.id);
		const ours = request.status === 'open' && this.teams.some((t) => t.id === request.teamId);
		if (ours) this.requests.set(request.id, withoutContact(request));
		else this.requests.delete(request.id);
		return true;
	}
}

function withoutContact(request: RequestView): RequestView {
	const { contactName: _name, contactPhone: _phone, ...rest } = request;
	return rest;
}
