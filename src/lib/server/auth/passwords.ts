import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
	return hash(password);
}

// Verifying against a real hash even for unknown users keeps the response time the same,
// so timing does not reveal which usernames exist.
let decoyHash: Promise<string> | null = null;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
	if (!storedHash) {
		decoyHash ??= hash('decoy-password-for-unknown-users');
		await verify(await decoyHash, password).catch(() => false);
		return false;
	}
	return verify(storedHash, password).catch(() => false);
}
