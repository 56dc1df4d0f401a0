import { defineMessages } from './define';

// The reporter's page (/report): building heads and grid workers report for their grid and follow it.
export const reportMessages = defineMessages({
	'report.title': { zh: '楼栋上报', en: 'Reports for my buildings' },
	'report.intro': {
		zh: '替居民上报需求，社区会安排志愿者。您可以把进度链接和确认码转给居民。',
		en: 'Report a resident’s need; the community sends a volunteer. Pass the progress link and code on to the resident.'
	},
	'report.new': { zh: '新上报', en: 'New report' },
	'report.building': { zh: '楼栋', en: 'Building' },
	'report.gridSize': { zh: '您负责 {n} 栋楼', en: 'Your grid: {n} buildings' },
	'report.urgent': { zh: '紧急（比如老人独自在家、漏水漏电）', en: 'Urgent (an elder alone, a leak, a live wire)' },
	'report.contactName': { zh: '居民称呼', en: 'Resident’s name' },
	'report.contactPhone': { zh: '居民电话', en: 'Resident’s phone' },
	'report.submit': { zh: '提交上报', en: 'Send report' },
	'report.sent': { zh: '已上报：{place}', en: 'Reported: {place}' },
	'report.mine': { zh: '我的上报', en: 'My reports' },
	'report.none': { zh: '还没有上报。填写上面的表格上报第一单。', en: 'No reports yet. Use the form above for the first one.' },
	'report.trackLink': { zh: '进度页', en: 'Progress page' },
	'report.code': { zh: '确认码 {code}', en: 'Code {code}' },
	'report.codeHint': {
		zh: '服务完成时，居民把确认码告诉志愿者。',
		en: 'The resident gives this code to the volunteer when the work is done.'
	},
	'report.reportedAt': { zh: '{time} 上报', en: 'Reported {time}' },
	'report.rated': { zh: '居民评价 {n} 星', en: 'Rated {n} of 5' },
	'report.overdue': { zh: '已超时', en: 'Overdue' },
	'report.problem.building': { zh: '请选择一栋楼。', en: 'Choose a building.' },
	'report.problem.notInGrid': { zh: '这栋楼不在您负责的网格里。', en: 'That building is not in your grid.' },
	'report.problem.other': { zh: '没能上报：{reason}', en: 'Could not send: {reason}' },
	'report.refreshFailed': { zh: '没能刷新列表，稍后会再试。', en: 'Could not refresh the list; will try again.' },
	'nav.followUps': { zh: '回访', en: 'Follow-ups' },
	'followUps.title': { zh: '回访电话', en: 'Follow-up calls' },
	'followUps.intro': {
		zh: '完成一天后居民还没有评价的工单。打电话问问服务怎么样，记下居民的评价；1–2 星会重新派单。',
		en: 'Requests done a day ago that the resident has not rated. Call, ask how it went and record the answer; 1 or 2 stars reopens it.'
	},
	'followUps.call': { zh: '拨打 {phone}', en: 'Call {phone}' },
	'followUps.none': { zh: '现在没有需要回访的工单。', en: 'No calls to make right now.' },
	'followUps.completed': { zh: '{time} 完成', en: 'Done {time}' },
	'followUps.by': { zh: '志愿者 {name}', en: 'by {name}' },
	'followUps.howWasIt': { zh: '居民的评价', en: 'The resident’s rating' },
	'followUps.comment': { zh: '居民说的话（可不填）', en: 'What they said (optional)' },
	'followUps.record': { zh: '记录回访结果', en: 'Record the call' },
	'followUps.chooseRating': { zh: '请先选择星数。', en: 'Choose the stars first.' },
	'followUps.recorded': { zh: '已记录回访：{place}，{n} 星', en: 'Call recorded: {place}, {n} stars' },
	'followUps.recordedReopened': {
		zh: '已记录回访：{place}，{n} 星。已重新派单。',
		en: 'Call recorded: {place}, {n} stars. It is back in the queue.'
	}
});
