import type { EndReason } from '@contract/consultation';
import { clockFor } from './kiosk-messages';
import type { KioskMessages } from './kiosk-messages';
import { kioskEn } from './messages-en';

// Korean. Drafted without a native reviewer: have it checked before go-live.
const END_REASON_NOTE: Partial<Record<EndReason, string>> = {
  network_lost: '통신이 끊어져 통화가 종료되었습니다.',
  server_restart: '시스템 사정으로 통화가 종료되었습니다.',
  transferred: '다른 창구로 연결해 드렸습니다.',
};

export const kioskKo: KioskMessages = {
  appTitle: '마도구치 화상 상담',
  starting: '준비 중입니다. 잠시 기다려 주세요.',
  languageGroup: '언어 / Language',
  idle: {
    lead: '시청 직원과 화상 통화로 상담할 수 있습니다.',
    begin: '시작하기',
    notReady: '연결 중입니다. 잠시 기다려 주세요.',
  },
  start: {
    title: '해당하는 것을 눌러 주세요',
    booked: '예약했습니다',
    bookedHint: '접수 번호 또는 QR 코드가 있는 분',
    walkIn: '예약 없이 상담',
    walkInHint: '상담 가능한 직원이 안내해 드립니다',
  },
  checkIn: {
    title: '접수 번호를 입력해 주세요',
    lead: '예약할 때 받은 6자리 번호입니다.',
    submit: '이 번호로 접수',
    submitting: '확인 중…',
    notFound: '번호를 찾을 수 없습니다. 다시 한번 확인해 주세요.',
    tooEarly: '아직 접수 시간이 아닙니다. 예약 시간이 가까워지면 다시 시도해 주세요.',
    tooLate: '예약 시간이 지났습니다. “예약 없이 상담”을 선택해 주세요.',
    rateLimited: '잠시 후 다시 시도해 주세요.',
    offline: '연결할 수 없습니다. 다시 시도해 주세요.',
    useQr: 'QR 코드로 읽기',
    useKeypad: '번호 입력하기',
    qrLead: '접수표의 QR 코드를 카메라에 보여 주세요.',
    qrCameraError: '카메라를 사용할 수 없습니다. 번호를 입력해 주세요.',
  },
  keypad: { backspace: '한 자 지우기', clear: '모두 지우기', codeLabel: '입력한 번호' },
  walkIn: { title: '상담 내용을 선택해 주세요', lead: '가장 가까운 것을 눌러 주세요.', unsure: '잘 모름・기타' },
  // Only an installer sees this screen.
  pairing: kioskEn.pairing,
  back: '뒤로',
  waiting: {
    title: '직원을 호출하고 있습니다',
    resident: (name) => `${name} 님, 순서대로 불러 드리겠습니다.`,
    lead: '이대로 기다려 주세요. 직원이 응답하면 화면이 바뀝니다.',
    position: (position) => `대기 순서: ${position}번째`,
    cancel: '취소',
    reconnecting: '통신을 확인하고 있습니다. 순서는 그대로입니다.',
  },
  inCall: {
    staffName: (name) => `담당: ${name}`,
    staffVideo: '직원 영상',
    selfView: '내 영상',
    hangUp: '통화 종료',
    connecting: '연결 중…',
    waitingForVideo: '영상을 기다리는 중…',
    unstable: '통신이 불안정합니다…',
    reconnecting: '다시 연결하는 중…',
    inCall: '통화 중',
    noLocalMedia: '카메라 또는 마이크를 사용할 수 없습니다. 직원에게 목소리나 영상이 전달되지 않을 수 있습니다.',
  },
  survey: {
    title: '이용해 주셔서 감사합니다',
    question: '오늘 상담은 어떠셨습니까?',
    ratings: ['매우 불만족', '불만족', '보통', '만족', '매우 만족'],
    skip: '건너뛰기',
  },
  ended: {
    title: '이용해 주셔서 감사합니다',
    reason: (reason) => END_REASON_NOTE[reason] ?? null,
    returning: '잠시 후 처음 화면으로 돌아갑니다.',
  },
  fault: {
    offline: '지금은 이용할 수 없습니다. 자동으로 다시 연결하고 있습니다.',
    callFailed: '직원을 호출하지 못했습니다. 다시 시도해 주세요.',
    noAnswer: '지금은 직원이 응답할 수 없습니다. 나중에 다시 호출해 주세요.',
    unexpected: '문제가 발생했습니다.',
    contact: '관리자에게 문의해 주세요.',
    returning: '잠시 후 처음 화면으로 돌아갑니다.',
  },
  clock: clockFor('ko-KR'),
};
