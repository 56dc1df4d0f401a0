// Reporters (楼栋长, 网格员): the buildings of each one's grid, and the requests they reported.
import type { Queryable } from '../db/types';
import type { RequestRow } from '../db/schema';
import { byBuildingName } from '../../dispatch/building-order';

/** The buildings of a reporter's grid, in the order of their numbers (2栋 before 10栋). */
export async function listGridBuildings(db: Queryable, userId: string): Promise<{ id: string; name: string }[]> {
	const rows = await db
		.selectFrom('reporter_buildings')
		.innerJoin('buildings', 'buildings.id', 'reporter_buildings.building_id')
		.select(['buildings.id', 'buildings.name'])
		.where('reporter_buildings.user_id', '=', userId)
		.execute();
	return rows.sort(byBuildingName);
}

/** The building, if it lies in this reporter's grid. */
export async function findGridBuilding(db: Queryable, userId: string, buildingId: string) {
	return db
		.selectFrom('reporter_buildings')
		.innerJoin('buildings', 'buildings.id', 'reporter_buildings.building_id')
		.select(['buildings.id', 'buildings.community_id'])
		.where('reporter_buildings.user_id', '=', userId)
		.where('reporter_buildings.building_id', '=', buildingId)
		.executeTakeFirst();
}

export type ReportedRow = RequestRow & {
	buildingName: string;
	volunteerName: string | null;
	skill: string | null;
	cancelNote: string | null;
};

/** A reporter's requests, newest first, with what their list names: building, who holds it, why it was cancelled. */
export async function listReportedRequests(db: Queryable, userId: string, limit: number): Promise<ReportedRow[]> {
	return db
		.selectFrom('requests')
		.innerJoin('buildings', 'buildings.id', 'requests.building_id')
		.leftJoin('volunteers', 'volunteers.id', 'requests.assignee_id')
		.leftJoin('services', 'services.code', 'requests.type')
		.selectAll('requests')
		.select(['buildings.name as buildingName', 'volunteers.name as volunteerName', 'services.skill as skill'])
		.select((eb) =>
			eb
				.selectFrom('events')
				.select('events.note')
				.whereRef('events.request_id', '=', 'requests.id')
				.where('events.action', '=', 'cancel')
				.orderBy('events.seq', 'desc')
				.limit(1)
				.as('cancelNote')
		)
		.where('requests.reporter_id', '=', userId)
		.orderBy('requests.created_at', 'desc')
		.limit(limit)
		.execute();
}
