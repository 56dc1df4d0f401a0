import { defineMessages } from './define';

// Volunteer texts: each key holds its Chinese and English side by side.
export const volunteerMessages = defineMessages({
	'volunteer.title': { zh: '我的任务', en: 'My tasks' },
	'volunteer.empty': { zh: '目前没有分配给您的任务。', en: 'Nothing is assigned to you right now.' },
	'volunteer.emptyOnDuty': {
		zh: '新任务一到，这里会马上出现，并响铃提醒。',
		en: 'When a task arrives it appears here at once, with a chime.'
	},
	'volunteer.emptyOffDuty': {
		zh: '您现在是休息状态。打开上面的值班开关，就能接收新任务。',
		en: 'You are off duty. Turn on the switch above to receive tasks.'
	},
	'volunteer.active': { zh: '当前任务', en: 'Current tasks' },
	'volunteer.completed': { zh: '最近 30 天完成', en: 'Completed in the last 30 days' },
	'volunteer.completedEmpty': { zh: '最近 30 天还没有完成的任务。', en: 'Nothing completed in the last 30 days.' },
	'volunteer.completedAt': { zh: '完成于 {time}', en: 'Completed {time}' },

	'volunteer.duty.label': { zh: '值班', en: 'On duty' },
	'volunteer.duty.on': { zh: '值班中，可以接收新任务', en: 'On duty: tasks can reach you' },
	'volunteer.duty.off': { zh: '休息中，不会收到新任务', en: 'Off duty: no new tasks' },
	'volunteer.duty.confirmOff': {
		zh: '你手上还有 {n} 个任务：仍要下班吗？任务仍归你，调度员会看到提醒。',
		en: 'You hold {n} tasks: go off duty anyway? They stay yours, and the dispatcher is told.'
	},
	'volunteer.duty.offAnyway': { zh: '仍要下班', en: 'Go off duty anyway' },
	'volunteer.duty.stayOn': { zh: '继续值班', en: 'Stay on duty' },
	'volunteer.duty.saving': { zh: '正在保存…', en: 'Saving…' },
	'volunteer.duty.failed': { zh: '值班状态没有保存成功，请再试一次。', en: 'Your duty status was not saved. Please try again.' },
	'volunteer.location.label': { zh: '共享我的位置', en: 'Share my location' },
	'volunteer.location.hint': { zh: '值班时最多每 30 秒发送一次，用于就近派单', en: 'While on duty, at most every 30 s, for nearby tasks' },
	'volunteer.location.locating': { zh: '正在定位…', en: 'Finding your position…' },
	'volunteer.location.sharedAt': { zh: '已共享，{time} 更新', en: 'Shared, updated {time}' },
	'volunteer.location.denied': {
		zh: '浏览器不允许定位。可以在浏览器设置里允许本网站使用位置。',
		en: 'The browser does not allow location. You can allow it for this site in the browser settings.'
	},
	'volunteer.location.unavailable': {
		zh: '暂时拿不到位置，稍后会再试。',
		en: 'Your position is not available right now; it will try again.'
	},
	'volunteer.location.offDuty': { zh: '值班时才会共享位置。', en: 'Your location is shared only while on duty.' },

	'volunteer.alerts.title': { zh: '开启新任务提醒', en: 'Turn on task alerts' },
	'volunteer.alerts.body': { zh: '页面在后台时，新任务也会弹出通知。', en: 'Get a notification even when this page is in the background.' },
	'volunteer.alerts.enable': { zh: '开启提醒', en: 'Turn on alerts' },
	'volunteer.alerts.later': { zh: '以后再说', en: 'Not now' },
	'volunteer.alerts.denied': {
		zh: '通知已被浏览器关闭。新任务到达时仍会响铃，标签页标题也会显示数字。',
		en: 'Notifications are blocked in this browser. New tasks still chime and show a count in the tab title.'
	},
	'volunteer.alerts.testSound': { zh: '试听提示音', en: 'Play the alert sound' },
	'volunteer.alerts.keepOpen': { zh: '请保持此页面打开，新任务会立即送达。', en: 'Keep this page open: new tasks arrive here at once.' },

	'volunteer.notify.newTitle': { zh: '新任务：{type}', en: 'New task: {type}' },
	'volunteer.notify.cancelled': { zh: '任务已取消：{type}', en: 'Task cancelled: {type}' },
	'volunteer.notify.reassigned': { zh: '任务已改派：{type}', en: 'Task reassigned: {type}' },
	'volunteer.notify.requeued': { zh: '任务已退回：{type}', en: 'Task returned: {type}' },
	'volunteer.notice.cancelled': { zh: '调度员取消了您的任务：{what}', en: 'A dispatcher cancelled your task: {what}' },
	'volunteer.notice.reason': { zh: '原因：{reason}', en: 'Reason: {reason}' },
	'volunteer.notice.reassigned': { zh: '您的任务已改派给其他志愿者：{what}', en: 'Your task was given to another volunteer: {what}' },
	'volunteer.notice.requeued': {
		zh: '没有及时接单，任务已退回待派单：{what}',
		en: 'Not accepted in time, so the task went back to the queue: {what}'
	},
	'volunteer.notice.dismiss': { zh: '知道了', en: 'OK' },

	'volunteer.card.assignedJustNow': { zh: '刚刚派单', en: 'Assigned just now' },
	'volunteer.card.assignedAgo': { zh: '{ago}派单', en: 'Assigned {ago}' },
	'volunteer.card.new': { zh: '新任务', en: 'New' },
	'volunteer.card.call': { zh: '拨打 {phone}', en: 'Call {phone}' },
	'volunteer.card.noContact': { zh: '没有留联系方式', en: 'No contact given' },
	'volunteer.card.map': { zh: '{place} 在小区里的位置', en: 'Where {place} is in the community' },
	'volunteer.card.offerExpired': {
		zh: '超过 {minutes} 分钟未接单，调度员可能会改派。现在接单仍然有效。',
		en: 'Not accepted within {minutes} min, so the dispatcher may give it to someone else. You can still accept now.'
	},
	'volunteer.card.waiting': { zh: '请尽快接单或说明无法前往', en: 'Please accept, or say why you cannot go' },

	'volunteer.action.accept': { zh: '接单', en: 'Accept' },
	'volunteer.action.decline': { zh: '无法接单', en: 'Decline' },
	'volunteer.action.declineWithReason': { zh: '无法接单（附原因）', en: 'Decline with reason' },
	'volunteer.action.start': { zh: '开始服务', en: 'Start' },
	'volunteer.action.complete': { zh: '完成服务', en: 'Complete' },
	'volunteer.action.sending': { zh: '正在提交…', en: 'Sending…' },
	'volunteer.done.completed': { zh: '{place} 的服务已完成，谢谢您！', en: 'Done at {place}. Thank you!' },
	'volunteer.done.declined': { zh: '已把 {place} 的任务退回调度员。', en: 'The task at {place} went back to the dispatcher.' },
	'volunteer.action.release': { zh: '退回任务', en: 'Give the task back' },
	'volunteer.release.open': { zh: '去不了？退回这个任务', en: 'Cannot do it? Give the task back' },
	'volunteer.release.reason': { zh: '选一个原因，调度员会另找人', en: 'Choose why; the dispatcher will find someone else' },
	'volunteer.done.released': { zh: '已把 {place} 的任务退回调度员。', en: 'The task at {place} went back to the dispatcher.' },
	'volunteer.decline.addReason': { zh: '附上无法接单的原因（可不填）', en: 'Add a reason for declining (optional)' },
	'volunteer.decline.reason': { zh: '告诉调度员原因，再点“无法接单”', en: 'Tell the dispatcher why, then press Decline' },
	'volunteer.decline.placeholder': { zh: '或者自己写原因', en: 'Or write your own reason' },
	'volunteer.complete.note': { zh: '服务备注（可不填）', en: 'Note (optional)' },
	'volunteer.complete.placeholder': { zh: '例如：已更换水龙头', en: 'e.g. replaced the tap' },
	'volunteer.complete.code': { zh: '居民的确认码（4位数字）', en: 'The resident’s confirmation code (4 digits)' },
	'volunteer.complete.codeHint': {
		zh: '请居民打开手机上的进度页，把确认码念给您。',
		en: 'Ask the resident to read it from the progress page on their phone.'
	},

	'volunteer.problem.conflict': {
		zh: '这个任务刚刚有了变化（可能已被取消或改派），页面已更新。',
		en: 'This task changed a moment ago (it may have been cancelled or reassigned). The page is up to date now.'
	},
	'volunteer.problem.notYours': { zh: '这个任务已经不再分配给您。', en: 'This task is no longer assigned to you.' },
	'volunteer.problem.wrongCode': {
		zh: '确认码不对。请居民再念一遍进度页上的4位数字。',
		en: 'That code is not right. Ask the resident to read the 4 digits again.'
	},
	'volunteer.problem.network': {
		zh: '网络不通，没有提交成功。请检查网络后再试。',
		en: 'No connection, so nothing was sent. Check the network and try again.'
	},
	'volunteer.problem.other': { zh: '没有成功：{message}', en: 'That did not work: {message}' }
});
