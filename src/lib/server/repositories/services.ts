import type { Queryable } from '../db/types';
import type { ServiceView } from '../../api/types';

function selectServices(db: Queryable) {
	return db
		.selectFrom('services')
		.select([
			'code',
			'name_zh',
			'name_en',
			'skill',
			'fee',
			'price_yuan',
			'assign_within_min',
			'complete_within_min',
			'urgent_assign_within_min',
			'urgent_complete_within_min',
			'active'
		]);
}

type ServiceRow = Awaited<ReturnType<ReturnType<typeof selectServices>['executeTakeFirstOrThrow']>>;

function toServiceView(row: ServiceRow): ServiceView {
	return {
		code: row.code,
		name: { zh: row.name_zh, en: row.name_en },
		skill: row.skill,
		fee: row.fee,
		priceYuan: row.price_yuan === null ? null : Number(row.price_yuan),
		assignWithinMin: row.assign_within_min,
		completeWithinMin: row.complete_within_min,
		urgentAssignWithinMin: row.urgent_assign_within_min,
		urgentCompleteWithinMin: row.urgent_complete_within_min,
		active: row.active
	};
}

/** The whole catalogue, active and not, in its display order. */
export async function listServices(db: Queryable): Promise<ServiceView[]> {
	const rows = await selectServices(db).orderBy('sort_order').orderBy('code').execute();
	return rows.map(toServiceView);
}

export async function findService(db: Queryable, code: string): Promise<ServiceView | undefined> {
	const row = await selectServices(db).where('code', '=', code).executeTakeFirst();
	return row && toServiceView(row);
}
