import type { HistoryFilter } from '../../api/history-schemas';
import type { Locale } from '../../i18n/locales';
import { createTranslator, type MessageKey } from '../../i18n/translate';
import { CSV_BOM, csvRow } from '../../history/csv';
import { formatCommunityTime } from '../../history/community-time';
import { requestDescription } from '../../history/request-description';
import { listFinishedForExport, type ExportRow } from '../repositories/history';
import { listServices } from '../repositories/services';
import type { Logger } from '../log';
import type { ServiceDeps } from './deps';

/** Rows per query: big enough to be quick, small enough that memory stays flat at any total. */
export const EXPORT_BATCH = 1000;

/** What a cell is written with: the reader's words, and the catalogue's names for services. */
interface Words {
	t: ReturnType<typeof createTranslator>;
	typeName(code: string): string;
}

const COLUMNS: { header: MessageKey; cell: (row: ExportRow, words: Words) => string | null }[] = [
	{ header: 'history.csv.id', cell: (r) => r.id },
	{ header: 'history.csv.type', cell: (r, w) => w.typeName(r.type) },
	{ header: 'history.csv.status', cell: (r, w) => w.t(`status.${r.status}`) },
	// A county's or a street's export mixes communities, and building names repeat between them.
	{ header: 'history.csv.community', cell: (r) => r.community_name },
	{ header: 'history.csv.building', cell: (r) => r.building_name },
	{ header: 'history.csv.unit', cell: (r) => r.unit },
	{
		header: 'history.csv.description',
		cell: (r, w) => requestDescription({ description: r.description, visitDueAt: r.visit_due_at, contactName: r.contact_name }, w.t)
	},
	{ header: 'history.csv.urgency', cell: (r, w) => w.t(`urgency.${r.urgency}`) },
	{ header: 'history.csv.volunteer', cell: (r) => r.volunteer_name },
	{ header: 'history.csv.createdAt', cell: (r) => formatCommunityTime(r.created_at, true) },
	{ header: 'history.csv.assignedAt', cell: (r) => formatCommunityTime(r.assigned_at, true) },
	{ header: 'history.csv.acceptedAt', cell: (r) => formatCommunityTime(r.accepted_at, true) },
	{ header: 'history.csv.startedAt', cell: (r) => formatCommunityTime(r.started_at, true) },
	{ header: 'history.csv.completedAt', cell: (r) => formatCommunityTime(r.completed_at, true) },
	{ header: 'history.csv.cancelledAt', cell: (r) => formatCommunityTime(r.cancelled_at, true) },
	{ header: 'history.csv.source', cell: (r, w) => w.t(`source.${r.source}`) },
	{ header: 'history.csv.assignBy', cell: (r) => formatCommunityTime(r.assign_by, true) },
	{ header: 'history.csv.completeBy', cell: (r) => formatCommunityTime(r.complete_by, true) },
	{
		header: 'history.csv.overdue',
		cell: (r, w) =>
			[r.overdue_assign_at && w.t('history.csv.overdueAssign'), r.overdue_complete_at && w.t('history.csv.overdueComplete')]
				.filter(Boolean)
				.join(' ')
	},
	{ header: 'history.csv.rating', cell: (r) => (r.feedback_rating === null ? null : String(r.feedback_rating)) },
	{ header: 'history.csv.ratingVia', cell: (r, w) => (r.feedback_via ? w.t(`history.csv.via.${r.feedback_via}`) : null) },
	{ header: 'history.csv.comment', cell: (r) => r.feedback_comment },
	{ header: 'history.csv.completionNote', cell: (r) => (r.status === 'completed' ? r.closing_note : null) },
	{ header: 'history.csv.cancelReason', cell: (r) => (r.status === 'cancelled' ? r.closing_note : null) }
];

/**
 * The filtered history as CSV, pulled batch by batch (keyset pagination) only as fast as the
 * client reads it, so a 100,000-row export never sits in memory. The header is in the
 * reader's language; times are community time (UTC+8).
 */
export function streamHistoryCsv(deps: ServiceDeps, filter: HistoryFilter, locale: Locale, log: Logger): ReadableStream<Uint8Array> {
	const t = createTranslator(locale);
	const encoder = new TextEncoder();
	let after: { finishedAt: string; id: string } | null = null;
	let words: Words | null = null;
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				try {
					if (!words) {
						const names = new Map((await listServices(deps.db)).map((s) => [s.code, locale === 'en' ? s.name.en : s.name.zh]));
						words = { t, typeName: (code) => names.get(code) ?? code };
						controller.enqueue(encoder.encode(CSV_BOM + csvRow(COLUMNS.map((c) => t(c.header)))));
						return;
					}
					const rows = await listFinishedForExport(deps.db, filter, after, EXPORT_BATCH);
					const last = rows.at(-1);
					if (last) {
						after = { finishedAt: last.finished_key, id: last.id };
						controller.enqueue(encoder.encode(rows.map((row) => csvRow(COLUMNS.map((c) => c.cell(row, words!)))).join('')));
					}
					if (rows.length < EXPORT_BATCH) controller.close();
				} catch (error) {
					// The status line is long gone; all we can do is end the download unfinished.
					log.error({ err: error }, 'history export failed mid-stream');
					controller.error(error);
				}
			}
		},
		{ highWaterMark: 1 }
	);
}

/** history-2026-11-01_2026-11-30.csv, or history-all.csv without dates. */
export function exportFileName(from: string | undefined, to: string | undefined): string {
	const safe = (s: string | undefined) => (s ?? '').replace(/[^0-9A-Za-z-]/g, '').slice(0, 10);
	return from || to ? `history-${safe(from) || 'start'}_${safe(to) || 'now'}.csv` : 'history-all.csv';
}
