import { apiClient, signIn } from './clients';
import type { BuildingView, RequestView, UserView, VolunteerView } from '../../src/lib/api/types';
import type { RequestType } from '../../src/lib/dispatch/vocabulary';

export type Call = ReturnType<typeof apiClient>;

/** One signed-in user: their cookie, a JSON client and who they are. */
export interface SignedIn {
	cookie: string;
	call: Call;
	user: UserView;
}

export async function signedIn(baseUrl: string, username: string): Promise<SignedIn> {
	const cookie = await signIn(baseUrl, username);
	const call = apiClient(baseUrl, cookie);
	const me = await call<{ user: UserView }>('GET', '/api/session');
	return { cookie, call, user: me.body.user };
}

export async function someBuilding(call: Call): Promise<BuildingView> {
	const buildings = (await call<BuildingView[]>('GET', '/api/buildings')).body;
	const building = buildings.find((b) => b.kind === 'residential') ?? buildings[0];
	if (!building) throw new Error('the community has no buildings');
	return building;
}

/** A fresh open request, created through the API as a dispatcher would. */
export async function openRequest(
	staff: Call,
	buildingId: string,
	fields: { type?: RequestType; description?: string; contactPhone?: string; contactName?: string } = {}
): Promise<RequestView> {
	const created = await staff<RequestView>('POST', '/api/requests', {
		type: fields.type ?? 'repair',
		buildingId,
		description: fields.description ?? '测试：水龙头漏水',
		contactName: fields.contactName,
		contactPhone: fields.contactPhone
	});
	if (created.status !== 201) throw new Error(`create answered ${created.status}: ${JSON.stringify(created.body)}`);
	return created.body;
}

/** A volunteer on duty, and the request type they can take. */
export async function onDuty(volunteer: SignedIn): Promise<RequestType> {
	const answer = await volunteer.call<VolunteerView>('PUT', '/api/me/availability', { available: true });
	if (answer.status !== 200) throw new Error(`availability answered ${answer.status}`);
	const [skill] = answer.body.skills;
	if (!skill) throw new Error('the volunteer has no skill');
	return skill;
}

export async function assign(staff: Call, request: RequestView, volunteerId: string): Promise<RequestView> {
	const answer = await staff<RequestView>('POST', `/api/requests/${request.id}/assign`, { volunteerId, version: request.version });
	if (answer.status !== 200) throw new Error(`assign answered ${answer.status}: ${JSON.stringify(answer.body)}`);
	return answer.body;
}

export async function act(
	volunteer: Call,
	request: { id: string },
	action: 'accept' | 'start' | 'complete' | 'decline'
): Promise<RequestView> {
	const answer = await volunteer<RequestView>('POST', `/api/requests/${request.id}/${action}`, {});
	if (answer.status !== 200) throw new Error(`${action} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
	return answer.body;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
