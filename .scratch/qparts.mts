import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { connectDatabase } from '/work/main/src/lib/server/db/connect';
import { findRequestPlace } from '/work/main/src/lib/server/repositories/requests';
import { listCandidatesInBox } from '/work/main/src/lib/server/repositories/candidates';
import { boundingBox } from '/work/main/src/lib/dispatch/geo';
const { db, close } = await connectDatabase({ kind: 'postgres', url: process.argv[2] });
const ids = (await db.selectFrom('requests').select('id').where('status', '=', 'open').limit(60).execute()).map((r) => r.id);
async function time(label: string, f: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 100; i++) await f(i);
  const t: number[] = [];
  for (let i = 0; i < 1000; i++) { const s = performance.now(); await f(i); t.push(performance.now() - s); }
  t.sort((a, b) => a - b); console.log(label.padEnd(20), 'p50', t[500].toFixed(3), 'p99', t[990].toFixed(3));
}
await time('select 1', () => sql`select 1`.execute(db));
await time('requestPlace', (i) => findRequestPlace(db, ids[i % 60]));
const places = await Promise.all(ids.map((id) => findRequestPlace(db, id)));
await time('box 50', (i) => listCandidatesInBox(db, { skill: places[i % 60]!.type, dayStart: new Date(Date.now() - 3600e3) }, boundingBox(places[i % 60]!, 50)));
await time('box 150', (i) => listCandidatesInBox(db, { skill: places[i % 60]!.type, dayStart: new Date(Date.now() - 3600e3) }, boundingBox(places[i % 60]!, 150)));
await close();
