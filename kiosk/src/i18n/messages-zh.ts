import type { EndReason } from '@contract/consultation';
import { clockFor } from './kiosk-messages';
import type { KioskMessages } from './kiosk-messages';
import { kioskEn } from './messages-en';

// Simplified Chinese. Drafted without a native reviewer: have it checked before go-live.
const END_REASON_NOTE: Partial<Record<EndReason, string>> = {
  network_lost: '由于网络中断，通话已结束。',
  server_restart: '由于系统原因，通话已结束。',
  transferred: '已为您转接到其他窗口。',
};

export const kioskZh: KioskMessages = {
  appTitle: '窗口 视频咨询',
  starting: '正在准备，请稍候。',
  languageGroup: '语言 / Language',
  idle: {
    lead: '可以通过视频通话与市政府工作人员咨询。',
    begin: '开始',
    notReady: '正在连接，请稍候。',
  },
  start: {
    title: '请选择',
    booked: '已预约',
    bookedHint: '持有受理号码或二维码的人',
    walkIn: '未预约咨询',
    walkInHint: '由空闲的工作人员为您服务',
  },
  checkIn: {
    title: '请输入受理号码',
    lead: '预约时收到的6位数号码。',
    submit: '用此号码受理',
    submitting: '正在确认…',
    notFound: '找不到该号码。请再确认一下。',
    tooEarly: '还没到受理时间。请在接近预约时间时再试一次。',
    tooLate: '已经过了预约时间。请选择“未预约咨询”。',
    rateLimited: '请稍后再试。',
    offline: '无法连接。请再试一次。',
    useQr: '扫描二维码',
    useKeypad: '输入号码',
    qrLead: '请将受理单上的二维码对准摄像头。',
    qrCameraError: '无法使用摄像头。请输入号码。',
  },
  keypad: { backspace: '删除', clear: '清除', codeLabel: '已输入的号码' },
  walkIn: { title: '请选择咨询内容', lead: '请选择最接近的一项。', unsure: '不清楚・其他' },
  // Only an installer sees this screen.
  pairing: kioskEn.pairing,
  back: '返回',
  waiting: {
    title: '正在呼叫工作人员',
    resident: (name) => `${name}，我们会按顺序叫您。`,
    lead: '请在此等候。工作人员接听后，画面会切换。',
    position: (position) => `您的排队顺序：第${position}位`,
    cancel: '取消',
    reconnecting: '正在确认网络连接。您的顺序保持不变。',
  },
  inCall: {
    staffName: (name) => `负责人：${name}`,
    staffVideo: '工作人员的画面',
    selfView: '您的画面',
    hangUp: '结束通话',
    connecting: '正在连接…',
    waitingForVideo: '正在等待画面…',
    unstable: '网络不稳定…',
    reconnecting: '正在重新连接…',
    inCall: '通话中',
    noLocalMedia: '摄像头或麦克风无法使用。工作人员可能听不到您的声音或看不到您的画面。',
  },
  survey: {
    title: '感谢您的使用',
    question: '今天的咨询您满意吗？',
    ratings: ['非常不满意', '不满意', '一般', '满意', '非常满意'],
    skip: '跳过',
  },
  ended: {
    title: '感谢您的使用',
    reason: (reason) => END_REASON_NOTE[reason] ?? null,
    returning: '即将返回初始画面。',
  },
  fault: {
    offline: '暂时无法使用。正在自动重新连接。',
    callFailed: '未能呼叫工作人员。请再试一次。',
    noAnswer: '目前工作人员无法接听。请稍后再呼叫。',
    unexpected: '发生了问题。',
    contact: '请联系管理员。',
    returning: '即将返回初始画面。',
  },
  clock: clockFor('zh-CN'),
};
