import { z } from 'zod';
import { inScope, isStaff } from '../../dispatch/permissions';
import { roomForCommunityStaff, roomForVolunteer } from '../../realtime/events';
import type { Logger } from '../log';
import type { RealtimeServer, RealtimeSocket } from './types';

/** Where presence is kept, so every app node agrees (see the presence migration). */
export interface PresenceStore {
	renew(volunteerIds: string[], until: Date): Promise<void>;
	offline(volunteerId: string): Promise<void>;
	/** The community of a request, or null if there is no such request. */
	communityOfRequest(requestId: string): Promise<string | null>;
}

const HEARTBEAT_MS = 20_000;
const ONLINE_FOR_MS = 60_000;
const requestIdSchema = z.uuid().nullable();

/**
 * Who is online and who is looking at what. Volunteer presence is renewed in the database
 * while a tab is connected to this node; "viewing" lives on the sockets themselves, and
 * fetchSockets() asks every node through the adapter, so both work with several nodes.
 */
export function attachPresence(io: RealtimeServer, store: PresenceStore, log: Logger): { stop(): void } {
	const localTabs = new Map<string, number>();
	const until = () => new Date(Date.now() + ONLINE_FOR_MS);
	const quietly = (work: Promise<unknown>) => work.catch((error) => log.warn({ err: error }, 'presence update failed'));

	const heartbeat = setInterval(() => void quietly(store.renew([...localTabs.keys()], until())), HEARTBEAT_MS);
	heartbeat.unref();

	// A volunteer's presence is news to their own community's staff alone.
	async function volunteerConnected(volunteerId: string, communityId: string) {
		const tabs = (localTabs.get(volunteerId) ?? 0) + 1;
		localTabs.set(volunteerId, tabs);
		if (tabs > 1) return;
		await quietly(store.renew([volunteerId], until()));
		io.to(roomForCommunityStaff(communityId)).emit('presence:online', { volunteerId, online: true });
	}

	async function volunteerLeft(volunteerId: string, communityId: string) {
		const tabs = (localTabs.get(volunteerId) ?? 1) - 1;
		if (tabs > 0) return void localTabs.set(volunteerId, tabs);
		localTabs.delete(volunteerId);
		// Another tab may still be open on another node.
		const elsewhere = await io
			.in(roomForVolunteer(volunteerId))
			.fetchSockets()
			.catch(() => []);
		if (elsewhere.length > 0) return;
		await quietly(store.offline(volunteerId));
		io.to(roomForCommunityStaff(communityId)).emit('presence:online', { volunteerId, online: false });
	}

	/** Who is looking at a request, told to its community's staff (on every node). */
	async function announceViewers(viewing: { requestId: string; communityId: string }) {
		const room = roomForCommunityStaff(viewing.communityId);
		const sockets = await io.in(room).fetchSockets();
		const viewers = new Map<string, { userId: string; name: string }>();
		for (const s of sockets) {
			if (s.data.viewing?.requestId === viewing.requestId) viewers.set(s.data.user.id, { userId: s.data.user.id, name: s.data.user.name });
		}
		io.to(room).emit('presence:viewing', { requestId: viewing.requestId, viewers: [...viewers.values()] });
	}

	io.on('connection', (socket: RealtimeSocket) => {
		if (socket.data.tracking) return; // a resident's tracking page: no user, no presence
		const { user, actor } = socket.data;
		const ownCommunity = actor.communityIds[0];
		if (user.role === 'volunteer' && user.volunteerId && ownCommunity) {
			const volunteerId = user.volunteerId;
			void volunteerConnected(volunteerId, ownCommunity);
			socket.on('disconnect', () => void volunteerLeft(volunteerId, ownCommunity));
		}

		socket.on('presence:view', async (requestId, ack) => {
			const reply = typeof ack === 'function' ? ack : () => {};
			if (!isStaff(user.role)) return reply({ ok: false, error: 'forbidden' });
			const parsed = requestIdSchema.safeParse(requestId);
			if (!parsed.success) return reply({ ok: false, error: 'requestId must be a request id or null' });
			let next: { requestId: string; communityId: string } | null = null;
			if (parsed.data) {
				const communityId = await store.communityOfRequest(parsed.data).catch(() => null);
				// A request outside the scope is one this dispatcher cannot see: as if it did not exist.
				if (!communityId || !inScope(actor, communityId)) return reply({ ok: false, error: 'not_found' });
				next = { requestId: parsed.data, communityId };
			}
			const before = socket.data.viewing ?? null;
			socket.data.viewing = next;
			reply({ ok: true });
			if (before && before.requestId !== next?.requestId) void announceViewers(before).catch(() => {});
			if (next) void announceViewers(next).catch(() => {});
		});
		socket.on('disconnect', () => {
			if (socket.data.viewing) void announceViewers(socket.data.viewing).catch(() => {});
		});
	});

	return { stop: () => clearInterval(heartbeat) };
}
