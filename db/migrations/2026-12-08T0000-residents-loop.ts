import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports app code.
//
// The residents' loop (contract part two: residents, reporters, deadlines, follow-up calls):
//   - buildings.code: the public code printed as a QR code in the stairwell (/r/:code). Public,
//     not secret; a default gives every building, old or imported later, one of its own.
//   - users.role gains 'reporter' (楼栋长, 网格员); reporter_buildings is their grid.
//   - requests gain where they came from (source, reporter_id), the resident's tracking token
//     (at least 128 bits, unguessable) and the 4-digit code they give the volunteer, deadlines
//     and when each was found overdue (set once, by a conditional update), the feedback (from
//     the resident's page or a follow-up call, once), and the link of a reopened request.
//   - public_submissions: one row per public request, for the limits per address and per phone.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
	alter table buildings add column code text not null default substr(md5(random()::text || clock_timestamp()::text), 1, 10);
	create unique index buildings_code_key on buildings (code);

	alter table users drop constraint users_role_check;
	alter table users add constraint users_role_check check (role in ('dispatcher', 'volunteer', 'coordinator', 'reporter'));
	create table reporter_buildings (
		user_id uuid not null references users(id) on delete cascade,
		building_id uuid not null references buildings(id),
		primary key (user_id, building_id)
	);

	alter table requests add column source text not null default 'staff'
		constraint requests_source_check check (source in ('staff', 'resident', 'reporter'));
	alter table requests add column reporter_id uuid references users(id);
	alter table requests add column track_token text;
	create unique index requests_track_token_key on requests (track_token) where track_token is not null;
	alter table requests add column confirmation_code text
		constraint requests_confirmation_code_check check (confirmation_code ~ '^[0-9]{4}$');
	alter table requests add column confirmed boolean not null default false;
	alter table requests add column started_off_site boolean not null default false;
	alter table requests add column assign_by timestamptz;
	alter table requests add column complete_by timestamptz;
	alter table requests add column overdue_assign_at timestamptz;
	alter table requests add column overdue_complete_at timestamptz;
	create index requests_assign_due_idx on requests (assign_by) where status = 'open' and overdue_assign_at is null;
	create index requests_complete_due_idx on requests (complete_by)
		where status in ('open', 'assigned', 'accepted', 'in_progress') and overdue_complete_at is null;
	alter table requests add column feedback_rating smallint
		constraint requests_feedback_rating_check check (feedback_rating between 1 and 5);
	alter table requests add column feedback_comment text;
	alter table requests add column feedback_via text
		constraint requests_feedback_via_check check (feedback_via in ('resident', 'phone'));
	alter table requests add column feedback_at timestamptz;
	alter table requests add constraint requests_feedback_whole check (
		(feedback_rating is null) = (feedback_at is null) and (feedback_rating is null) = (feedback_via is null));
	alter table requests add column reopen_of uuid references requests(id);
	create index requests_completed_idx on requests (completed_at) where status = 'completed' and feedback_at is null;

	create table public_submissions (
		id bigserial primary key,
		address text not null check (length(address) <= 64),
		phone text not null check (length(phone) <= 32),
		at timestamptz not null default now()
	);
	create index public_submissions_address_idx on public_submissions (address, at);
	create index public_submissions_phone_idx on public_submissions (phone, at);
	`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`
	drop table public_submissions;
	drop index requests_completed_idx;
	alter table requests drop constraint requests_feedback_whole;
	alter table requests drop column reopen_of, drop column feedback_at, drop column feedback_via,
		drop column feedback_comment, drop column feedback_rating, drop column overdue_complete_at,
		drop column overdue_assign_at, drop column complete_by, drop column assign_by,
		drop column started_off_site, drop column confirmed, drop column confirmation_code,
		drop column track_token, drop column reporter_id, drop column source;
	drop table reporter_buildings;
	delete from users where role = 'reporter';
	alter table users drop constraint users_role_check;
	alter table users add constraint users_role_check check (role in ('dispatcher', 'volunteer', 'coordinator'));
	drop index buildings_code_key;
	alter table buildings drop column code;
	`.execute(db);
}
