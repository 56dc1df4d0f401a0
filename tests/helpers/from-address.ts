import { request } from 'node:http';

/**
 * An HTTP call from a chosen loopback address (127.0.0.2, 127.0.0.3, …): on Linux the whole
 * 127/8 block is local, so a test can be several clients without any proxy header.
 */
export function callFrom(
	localAddress: string,
	url: string,
	init: { method: string; body?: string; headers?: Record<string, string> }
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { method: init.method, headers: init.headers, localAddress }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (text += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
		});
		req.on('error', reject);
		req.end(init.body);
	});
}

export function signInFrom(localAddress: string, baseUrl: string, username: string, password: string) {
	return callFrom(localAddress, `${baseUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password })
	});
}
