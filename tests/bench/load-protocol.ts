// Messages between the driver and its load-client processes (over IPC, structured clone).

export interface SocketPlan {
	/** The session cookie for the app; none for the baseline, which has no auth. */
	cookie?: string;
	/** Rooms to join on the baseline server, comma-separated. */
	rooms?: string;
}

export type ClientCommand =
	| { op: 'connect'; id: number; target: string; url: string; sockets: SocketPlan[]; concurrency: number }
	| { op: 'disconnect'; id: number; target: string }
	| { op: 'collect'; id: number };

export type ClientReply =
	| { id: number; op: 'connect'; connected: number; failed: number; firstError: string | null; rssBytes: number }
	| { id: number; op: 'disconnect' }
	| { id: number; op: 'collect'; samples: Map<string, number[]> }
	| { id: number; op: 'error'; message: string };

export const MEASURED_EVENTS = ['request:created', 'task:assigned'] as const;
export type MeasuredEvent = (typeof MEASURED_EVENTS)[number];

/** One arrival list per target, event and request id. */
export const sampleKey = (target: string, event: MeasuredEvent, requestId: string) => `${target}|${event}|${requestId}`;
