import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports app code, so it means the same thing forever.
// The database itself refuses what must never happen (see the checks and triggers below).

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
	create table buildings (
		id uuid primary key default gen_random_uuid(),
		name text not null unique,
		kind text not null check (kind in ('residential', 'shop', 'public')),
		lat double precision not null check (lat between -90 and 90),
		lng double precision not null check (lng between -180 and 180),
		footprint jsonb not null,
		street text
	);

	create table users (
		id uuid primary key default gen_random_uuid(),
		username text not null,
		name text not null,
		password_hash text not null,
		role text not null check (role in ('dispatcher', 'volunteer', 'coordinator')),
		password_changed_at timestamptz not null default now(),
		created_at timestamptz not null default now()
	);
	create unique index users_username_key on users (lower(username));

	create table sessions (
		token_hash text primary key,
		user_id uuid not null references users(id) on delete cascade,
		created_at timestamptz not null default now(),
		expires_at timestamptz not null
	);
	create index sessions_user_idx on sessions (user_id);

	create table volunteers (
		id uuid primary key default gen_random_uuid(),
		user_id uuid unique references users(id) on delete set null,
		name text not null,
		phone text,
		skills text[] not null
			check (cardinality(skills) > 0 and skills <@ array['haircut', 'repair', 'elder_visit']),
		team text not null check (team in ('haircut', 'repair', 'elder_visit')),
		home_building_id uuid not null references buildings(id),
		available boolean not null default false,
		-- Where ranking measures from: the last shared position, else the home building.
		lat double precision not null,
		lng double precision not null,
		position_shared_at timestamptz,
		last_seen_at timestamptz,
		created_at timestamptz not null default now()
	);
	-- Candidate search is a bounding box over on-duty volunteers, never a scan of everyone.
	create index volunteers_on_duty_position_idx on volunteers (lat, lng) where available;

	create table elders (
		id uuid primary key default gen_random_uuid(),
		name text not null,
		building_id uuid not null references buildings(id),
		unit text not null default '',
		phone text,
		notes text not null default '',
		created_at timestamptz not null default now()
	);

	create table visit_plans (
		id uuid primary key default gen_random_uuid(),
		elder_id uuid not null unique references elders(id) on delete cascade,
		volunteer_id uuid not null references volunteers(id),
		interval_days integer not null default 7 check (interval_days between 1 and 366),
		next_due_at timestamptz not null,
		active boolean not null default true,
		created_at timestamptz not null default now()
	);

	create table requests (
		id uuid primary key default gen_random_uuid(),
		type text not null check (type in ('haircut', 'repair', 'elder_visit')),
		building_id uuid not null references buildings(id),
		unit text not null default '' check (length(unit) <= 40),
		description text not null check (length(description) between 1 and 2000),
		urgency text not null default 'normal' check (urgency in ('normal', 'urgent')),
		contact_name text check (length(contact_name) <= 80),
		contact_phone text check (length(contact_phone) <= 40),
		status text not null default 'open'
			check (status in ('open', 'assigned', 'accepted', 'in_progress', 'completed', 'cancelled')),
		version integer not null default 1 check (version >= 1),
		-- One column holds the one assignee, so a request can never have two.
		assignee_id uuid references volunteers(id),
		elder_id uuid references elders(id),
		-- The scheduler's idempotency key: one request per plan per due date, whoever runs it.
		visit_key text unique,
		created_by uuid references users(id),
		created_at timestamptz not null default now(),
		assigned_at timestamptz,
		accepted_at timestamptz,
		started_at timestamptz,
		completed_at timestamptz,
		cancelled_at timestamptz,
		offer_expired_at timestamptz,
		constraint requests_assignee_matches_status check (
			(status = 'open' and assignee_id is null)
			or (status in ('assigned', 'accepted', 'in_progress', 'completed') and assignee_id is not null)
			or status = 'cancelled'
		)
	);
	create index requests_active_idx on requests (status) where status in ('open', 'assigned', 'accepted', 'in_progress');
	create index requests_assignee_idx on requests (assignee_id, status);
	create index requests_finished_idx on requests ((coalesce(completed_at, cancelled_at)) desc, id desc)
		where status in ('completed', 'cancelled');

	create table events (
		seq bigserial primary key,
		at timestamptz not null default now(),
		kind text not null check (kind in ('request_created', 'request_updated', 'volunteer_updated')),
		action text not null,
		actor_id uuid references users(id),
		request_id uuid references requests(id),
		-- For request events: the assignee after the change. For volunteer events: the volunteer.
		volunteer_id uuid references volunteers(id),
		-- Set when a change takes a task away from its assignee, so they are told too.
		previous_assignee_id uuid references volunteers(id),
		from_status text,
		to_status text,
		note text,
		payload jsonb not null
	);
	create index events_request_idx on events (request_id, seq);
	create index events_volunteer_idx on events (volunteer_id, seq);
	create index events_previous_assignee_idx on events (previous_assignee_id, seq) where previous_assignee_id is not null;
	`.execute(db);

	// The lifecycle and the growing version, enforced below the application.
	await sql`
	create function requests_guard() returns trigger language plpgsql as $$
	begin
		if new.version <= old.version then
			raise exception 'request version must grow (% -> %)', old.version, new.version
				using errcode = 'check_violation';
		end if;
		if new.status <> old.status and not (
			(old.status = 'open' and new.status in ('assigned', 'cancelled'))
			or (old.status = 'assigned' and new.status in ('accepted', 'open', 'cancelled'))
			or (old.status = 'accepted' and new.status in ('in_progress', 'cancelled'))
			or (old.status = 'in_progress' and new.status in ('completed', 'cancelled'))
		) then
			raise exception 'request status cannot go from % to %', old.status, new.status
				using errcode = 'check_violation';
		end if;
		return new;
	end $$;
	`.execute(db);
	await sql`create trigger requests_guard before update on requests for each row execute function requests_guard()`.execute(db);

	await sql`
	create function events_append_only() returns trigger language plpgsql as $$
	begin
		raise exception 'events are append-only' using errcode = 'insufficient_privilege';
	end $$;
	`.execute(db);
	await sql`create trigger events_append_only before update or delete on events for each row execute function events_append_only()`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`
	drop table if exists events, requests, visit_plans, elders, volunteers, sessions, users, buildings cascade;
	drop function if exists requests_guard, events_append_only;
	`.execute(db);
}
