import { connectDatabase } from '/work/main/src/lib/server/db/connect';
import { listCandidates } from '/work/main/src/lib/server/services/candidates';
import { performance } from 'node:perf_hooks';
const url = process.argv[2];
const { db, close } = await connectDatabase({ kind: 'postgres', url });
let n = 0; const kinds: Record<string, number> = {};
const counting = db.withPlugin({ transformQuery: (a: any) => { n++; kinds[a.node.kind] = (kinds[a.node.kind] ?? 0) + 1; return a.node; }, transformResult: async (a: any) => a.result });
const ids = (await db.selectFrom('requests').select('id').where('status', '=', 'open').limit(60).execute()).map((r) => r.id);
const deps: any = { db: counting, now: () => new Date(), publisher: { publish() {} } };
const actor: any = { userId: 'x', role: 'dispatcher', volunteerId: null, name: 'b' };
for (const id of ids) await listCandidates(deps, actor, id, 10);
n = 0; const t: number[] = [];
for (let i = 0; i < 600; i++) { const s = performance.now(); await listCandidates(deps, actor, ids[i % ids.length], 10); t.push(performance.now() - s); }
t.sort((a, b) => a - b);
console.log('queries per call', n / 600, kinds, 'p50', t[300].toFixed(2), 'p99', t[594].toFixed(2));
await close();
