// What the team form needs beyond the API's shapes: the pickers' choices, and a refusal said
// per field. Kept apart from the component so it stays small.
import type { TeamView } from '$lib/api/types';
import type { ServiceView } from '$lib/api/types';
import type { Locale } from '$lib/i18n/locales';
import { isMessageKey, type MessageKey } from '$lib/i18n/messages/index';

export interface PickableVolunteer {
	id: string;
	name: string;
	communityId: string;
	skills: string[];
}

export interface Community {
	id: string;
	name: string;
}

/** Each skill of the catalogue once, named by the services that need it. */
export function catalogueSkills(services: readonly ServiceView[], locale: Locale): { skill: string; label: string }[] {
	const bySkill = new Map<string, string[]>();
	for (const service of services)
		bySkill.set(service.skill, [...(bySkill.get(service.skill) ?? []), locale === 'en' ? service.name.en : service.name.zh]);
	return [...bySkill].map(([skill, names]) => ({ skill, label: names.join(locale === 'en' ? ', ' : '、') }));
}

/** Volunteers whose name, community or skill holds the text. */
export function filterVolunteers(
	volunteers: readonly PickableVolunteer[],
	text: string,
	communityName: (id: string) => string,
	skillLabel: (skill: string) => string
): PickableVolunteer[] {
	const needle = text.trim().toLowerCase();
	if (!needle) return [...volunteers];
	return volunteers.filter((v) =>
		[v.name, communityName(v.communityId), ...v.skills, ...v.skills.map(skillLabel)].some((word) => word.toLowerCase().includes(needle))
	);
}

/** What of a team lies outside the editor's area: members and served communities they cannot see, kept as they are. */
export function outsideOf(team: TeamView | null, visible: { volunteerIds: ReadonlySet<string>; communityIds: ReadonlySet<string> }) {
	return {
		memberIds: (team?.memberIds ?? []).filter((id) => !visible.volunteerIds.has(id)),
		communityIds: (team?.communityIds ?? []).filter((id) => !visible.communityIds.has(id))
	};
}

/** The fields a refusal names (`memberIds.2` is the members field), each with its own sentence. */
export function fieldProblems(issues: readonly { path: string }[]): MessageKey[] {
	const keys = issues.map((issue) => `admin.teams.problem.${issue.path.split('.')[0]}`).filter(isMessageKey);
	return [...new Set(keys)];
}
