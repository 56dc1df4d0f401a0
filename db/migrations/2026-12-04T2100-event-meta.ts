import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports app code. The shapes below repeat src/lib/dispatch/event-actions.ts
// as it was on this date.
//
// events.meta holds each step's machine data, typed per action; notes keep only what people
// typed. Today's rows move once: the phrases the server used to write into notes ('5 min',
// 'visit plan', a volunteer's name on assign, 'A → B' on reassign, 'on duty'/'off duty') become
// meta, and those notes are cleared. Volunteer ids come from the columns that already name them
// (volunteer_id, previous_assignee_id), never from parsing a name; a plan from the request's
// visit_key (`<plan id>:<due time>`), null when that plan is gone.
//
// A plan's visit no longer carries server-written Chinese ('定期探访 <elder>：<notes>') as its
// description: only the elder's notes, possibly empty, which every screen prefixes with "planned
// visit" in its reader's language. So an empty description is allowed for plan visits alone.
//
// The audit trail is append-only and requests must grow their version on every change; this
// data move is neither a new step nor a change of a request, so both guards are off for it.

const PREFIX = '定期探访 ';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
	alter table events add column meta jsonb not null default '{}'::jsonb constraint events_meta_is_object check (jsonb_typeof(meta) = 'object');
	alter table events disable trigger events_append_only;
	alter table requests disable trigger requests_guard;
	`.execute(db);

	await sql`
	update events e set
		meta = case
			when e.action = 'create' and e.note = 'visit plan' then jsonb_build_object('source', 'visit_plan', 'planId', (${planOf(sql`e.request_id`)}))
			when e.action = 'create' then '{"source":"staff"}'::jsonb
			when e.action = 'assign' then jsonb_build_object('volunteerId', e.volunteer_id) || case
				when e.actor_id is null and exists (select 1 from requests r where r.id = e.request_id and r.visit_key is not null)
					then jsonb_build_object('source', 'visit_plan', 'planId', (${planOf(sql`e.request_id`)}))
				else '{"source":"staff"}'::jsonb end
			when e.action = 'reassign' then jsonb_build_object('fromVolunteerId', e.previous_assignee_id, 'toVolunteerId', e.volunteer_id)
			when e.action in ('offer_expired', 'offer_requeued') then jsonb_build_object('minutes', substring(e.note from '^([0-9]+(?:\\.[0-9]+)?) min$')::numeric)
			when e.action in ('availability', 'position') then jsonb_build_object('available', coalesce((e.payload ->> 'available')::boolean, e.note = 'on duty'))
			else e.meta
		end,
		note = case
			when e.action in ('assign', 'reassign') then null
			when e.action = 'create' and e.note = 'visit plan' then null
			when e.action in ('offer_expired', 'offer_requeued') and e.note ~ '^[0-9]+(\\.[0-9]+)? min$' then null
			when e.action in ('availability', 'position') and e.note in ('on duty', 'off duty') then null
			else e.note
		end
	where e.action in ('create', 'assign', 'reassign', 'offer_expired', 'offer_requeued', 'availability', 'position')
	`.execute(db);

	// One statement per call from here on: a statement with parameters must stand alone.
	await sql`alter table requests drop constraint requests_description_check`.execute(db);
	await sql`
	update requests set description = regexp_replace(substr(description, length(${PREFIX} || contact_name) + 1), '^：', '')
		where visit_key is not null and contact_name is not null and left(description, length(${PREFIX} || contact_name)) = ${PREFIX} || contact_name
	`.execute(db);
	await sql`
	alter table requests add constraint requests_description_check
		check (length(description) <= 2000 and (length(description) >= 1 or visit_due_at is not null))
	`.execute(db);
	await syncPayloadDescriptions(db);

	await sql`
	alter table requests enable trigger requests_guard;
	alter table events enable trigger events_append_only;
	`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`
	alter table events disable trigger events_append_only;
	alter table requests disable trigger requests_guard;
	`.execute(db);

	await sql`
	update events e set note = case
			when e.action = 'create' then 'visit plan'
			when e.action = 'assign' then (select v.name from volunteers v where v.id = e.volunteer_id)
			when e.action = 'reassign' then coalesce((select v.name || ' → ' from volunteers v where v.id = e.previous_assignee_id), '')
				|| (select v.name from volunteers v where v.id = e.volunteer_id)
			when e.action in ('offer_expired', 'offer_requeued') then trim_scale(round((e.meta ->> 'minutes')::numeric, 2))::text || ' min'
			when e.action in ('availability', 'position') then case when (e.meta ->> 'available')::boolean then 'on duty' else 'off duty' end
		end
	where (e.action = 'create' and e.meta ->> 'source' = 'visit_plan')
		or e.action in ('assign', 'reassign', 'availability', 'position')
		or (e.action in ('offer_expired', 'offer_requeued') and e.meta ->> 'minutes' is not null)
	`.execute(db);

	await sql`
	update requests set description = left(${PREFIX} || coalesce(contact_name, '') || case when description <> '' then '：' || description else '' end, 2000)
		where visit_key is not null
	`.execute(db);
	await sql`alter table requests drop constraint requests_description_check`.execute(db);
	await sql`alter table requests add constraint requests_description_check check (length(description) between 1 and 2000)`.execute(db);
	await syncPayloadDescriptions(db);

	await sql`
	alter table events drop column meta;
	alter table requests enable trigger requests_guard;
	alter table events enable trigger events_append_only;
	`.execute(db);
}

/** The plan a scheduled visit carries out, by its visit_key; null when there is no such plan (any more). */
function planOf(requestId: ReturnType<typeof sql>) {
	return sql`select p.id from requests r join visit_plans p on p.id::text = split_part(r.visit_key, ':', 1) where r.id = ${requestId}`;
}

/** The events of plan visits carry the request as it now reads, so a client catching up sees the same description. */
async function syncPayloadDescriptions(db: Kysely<any>): Promise<void> {
	await sql`
	update events e set payload = jsonb_set(e.payload, '{description}', to_jsonb(r.description))
		from requests r
		where e.request_id = r.id and r.visit_key is not null and e.payload ->> 'description' is distinct from r.description
	`.execute(db);
}
