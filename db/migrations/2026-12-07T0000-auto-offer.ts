import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports app code.
//
// Auto-offer (contract part two): the server offers an open request to the best online
// candidate, one at a time, until someone accepts or it runs out. Kept on the request, so each
// step is one conditional update of the row and the board reads it with the row:
//   - auto_offer: on while the server offers; a dispatcher's own assign or cancel turns it off.
//   - auto_tried: offers made so far in this run ("auto: 2nd of 5").
//   - auto_exhausted: it ran out of online candidates or tries; the dispatcher should look.
//     Cleared by the next assign or by turning auto-offer on again.
// services.auto_offer makes it the default for new requests of that service.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
	alter table requests add column auto_offer boolean not null default false;
	alter table requests add column auto_tried integer not null default 0
		constraint requests_auto_tried_check check (auto_tried >= 0);
	alter table requests add column auto_exhausted boolean not null default false;
	create index requests_auto_offer_idx on requests (id) where auto_offer and status = 'open';
	alter table services add column auto_offer boolean not null default false;
	`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`
	alter table services drop column auto_offer;
	drop index requests_auto_offer_idx;
	alter table requests drop column auto_exhausted;
	alter table requests drop column auto_tried;
	alter table requests drop column auto_offer;
	`.execute(db);
}
