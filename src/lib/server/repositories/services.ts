import { sql } from 'kysely';
import type { Queryable } from '../db/types';
import type { ServiceView } from '../../api/types';

const VIEW_COLUMNS = [
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
	'active',
	'auto_offer'
] as const;

function selectServices(db: Queryable) {
	return db.selectFrom('services').select(VIEW_COLUMNS);
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
		active: row.active,
		autoOffer: row.auto_offer
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

/** A service's columns as a coordinator sets them (its code is the key, never set again). */
function columnsOf(service: Omit<ServiceView, 'code'>) {
	return {
		name_zh: service.name.zh,
		name_en: service.name.en,
		skill: service.skill,
		fee: service.fee,
		price_yuan: service.priceYuan,
		assign_within_min: service.assignWithinMin,
		complete_within_min: service.completeWithinMin,
		urgent_assign_within_min: service.urgentAssignWithinMin,
		urgent_complete_within_min: service.urgentCompleteWithinMin,
		active: service.active,
		auto_offer: service.autoOffer
	};
}

/**
 * Adds a service at the end of the display order. Undefined when the code is taken: codes are
 * never deleted, so a code once used, even by a service made inactive since, stays its own.
 */
export async function insertService(db: Queryable, service: ServiceView): Promise<ServiceView | undefined> {
	const row = await db
		.insertInto('services')
		.values({
			code: service.code,
			...columnsOf(service),
			sort_order: sql<number>`(select coalesce(max(sort_order), 0) + 10 from services)`
		})
		.onConflict((oc) => oc.column('code').doNothing())
		.returning(VIEW_COLUMNS)
		.executeTakeFirst();
	return row && toServiceView(row);
}

/** Sets every field but the code; undefined when there is no such service. */
export async function updateService(db: Queryable, code: string, service: Omit<ServiceView, 'code'>): Promise<ServiceView | undefined> {
	const row = await db.updateTable('services').set(columnsOf(service)).where('code', '=', code).returning(VIEW_COLUMNS).executeTakeFirst();
	return row && toServiceView(row);
}
