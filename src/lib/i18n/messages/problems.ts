import { defineMessages } from './define';

// What went wrong, said in the reader's language: a failed call (chosen by its code, see
// api-problem.ts) or a field the server refused. The server's own words stay English detail.
export const problemMessages = defineMessages({
	'problem.unavailable': {
		zh: '数据库暂时无法连接，请稍后再试。',
		en: 'The database cannot be reached right now. Please try again shortly.'
	},
	'problem.unauthenticated': { zh: '登录已失效，请重新登录。', en: 'You are no longer signed in. Please sign in again.' },
	'problem.forbidden': { zh: '您没有权限这样做。', en: 'You are not allowed to do this.' },
	'problem.notFound': { zh: '该内容已不存在。', en: 'This no longer exists.' },
	'problem.conflict': {
		zh: '刚刚有其他人改动过，请查看最新状态后再试。',
		en: 'Someone else changed it meanwhile. Check how it is now and try again.'
	},
	'problem.unprocessable': { zh: '现在无法这样做。', en: 'This cannot be done now.' },
	'problem.rateLimited': { zh: '尝试次数太多，请稍候再试。', en: 'Too many tries. Please wait a moment and try again.' },
	'problem.invalidInput': { zh: '提交的内容有误，请检查后再试。', en: 'Something sent was not valid. Check it and try again.' },
	'problem.internal': { zh: '服务器出了意外问题，请稍后再试。', en: 'Something went wrong on the server. Please try again shortly.' },

	'problem.assign.unprocessable': {
		zh: '这位志愿者现在不能接这个单：已下班，或没有这项技能。',
		en: 'This volunteer cannot take it now: off duty, or without the skill.'
	},

	'problem.visitPlan.conflict': {
		zh: '这位老人已有探访计划，请编辑原有的计划。',
		en: 'This elder already has a visit plan; edit that one instead.'
	},
	'problem.visitPlan.unprocessable': {
		zh: '所选志愿者不做探访，或所选老人、志愿者已不存在。',
		en: 'The chosen volunteer does not visit elders, or the elder or volunteer no longer exists.'
	},
	'problem.visitPlan.elderId': { zh: '请选择老人。', en: 'Choose an elder.' },
	'problem.visitPlan.volunteerId': { zh: '请选择探访志愿者。', en: 'Choose a visiting volunteer.' },
	'problem.visitPlan.intervalDays': {
		zh: '间隔须为 1 到 366 之间的整数天。',
		en: 'The interval must be a whole number of days from 1 to 366.'
	},
	'problem.visitPlan.nextDueAt': { zh: '请填写有效的下次到期时间。', en: 'Give a valid next due time.' },

	'intake.problem.summary': { zh: '有几项需要修改，请按栏目下方的提示修改。', en: 'Some fields need fixing; see the notes under them.' },
	'intake.problem.type': { zh: '请选择服务类型。', en: 'Choose a service type.' },
	'intake.problem.buildingId': { zh: '请选择楼栋。', en: 'Choose a building.' },
	'intake.problem.description': { zh: '请写下需要什么帮助（最多 2000 字）。', en: 'Describe what is needed (at most 2000 characters).' },
	'intake.problem.urgency': { zh: '请选择紧急程度。', en: 'Choose an urgency.' },
	'intake.problem.unit': { zh: '单元/门牌最多 40 个字。', en: 'At most 40 characters.' },
	'intake.problem.contactName': { zh: '联系人最多 80 个字。', en: 'At most 80 characters.' },
	'intake.problem.contactPhone': {
		zh: '只能填数字、空格、+、- 和括号，最多 40 位。',
		en: 'Use digits, spaces, +, - or brackets (at most 40).'
	}
});
