import { defineMessages } from './define';

// What the server records as data (event meta, a plan's visit), said in the reader's language
// by the board, the volunteer's tab, the history and its CSV alike.
export const timelineMessages = defineMessages({
	'timeline.madeByPlan': { zh: '由探访计划生成', en: 'Made from a visit plan' },
	'timeline.assignedTo': { zh: '派给 {name}', en: 'to {name}' },
	'timeline.assignedByPlan': { zh: '按探访计划派给 {name}', en: 'to {name}, by the visit plan' },
	'timeline.assignedByAuto': { zh: '自动派给 {name}（第 {n} 次）', en: 'to {name}, auto-offer try {n}' },
	'timeline.overdueAssign': { zh: '未在时限内派出', en: 'Not assigned in time' },
	'timeline.overdueComplete': { zh: '未在时限内完成', en: 'Not completed in time' },
	'timeline.rated': { zh: '{n} 星（{via}）', en: '{n} stars ({via})' },
	'timeline.viaResident': { zh: '居民评价', en: 'by the resident' },
	'timeline.viaPhone': { zh: '电话回访', en: 'follow-up call' },
	'timeline.autoOn': { zh: '开启自动派单', en: 'Auto-offer on' },
	'timeline.autoOff': { zh: '关闭自动派单', en: 'Auto-offer off' },
	'timeline.autoExhausted': { zh: '自动派单无人接，请调度员处理', en: 'Auto-offer ran out; over to the dispatcher' },
	'timeline.reassigned': { zh: '{from} → {to}', en: '{from} → {to}' },
	'timeline.offerTimeout': { zh: '{minutes} 分钟内未接单', en: 'Not accepted within {minutes} min' },
	'timeline.unknownVolunteer': { zh: '未知志愿者', en: 'unknown volunteer' },

	'timeline.assigneeOffDuty': { zh: '接单人已下班，任务仍在其手上', en: 'The assignee went off duty, still holding it' },
	'timeline.assigneeOnDuty': { zh: '接单人回到值班', en: 'The assignee is back on duty' },

	// Why a volunteer declined or gave back a task (dispatch/reasons.ts).
	'reason.cannot_come': { zh: '去不了', en: 'Cannot come' },
	'reason.not_home': { zh: '居民不在家', en: 'Resident not home' },
	'reason.needs_other_skill': { zh: '需要别的技能', en: 'Needs another skill' },
	'reason.other': { zh: '其他原因', en: 'Other reason' },

	'visit.planned': { zh: '定期探访', en: 'Planned visit' },
	'visit.plannedFor': { zh: '定期探访 {elder}', en: 'Planned visit to {elder}' },
	'visit.withNotes': { zh: '{visit}：{notes}', en: '{visit}: {notes}' }
});
