import type { EndReason } from '@contract/consultation';
import { clockFor } from './kiosk-messages';
import type { KioskMessages } from './kiosk-messages';
import { kioskEn } from './messages-en';

// Vietnamese. Drafted without a native reviewer: have it checked before go-live.
const END_REASON_NOTE: Partial<Record<EndReason, string>> = {
  network_lost: 'Cuộc gọi đã kết thúc do mất kết nối.',
  server_restart: 'Cuộc gọi đã kết thúc do sự cố hệ thống.',
  transferred: 'Bạn đã được chuyển sang quầy khác.',
};

export const kioskVi: KioskMessages = {
  appTitle: 'Madoguchi – Tư vấn qua video',
  starting: 'Đang chuẩn bị. Vui lòng chờ một chút.',
  languageGroup: 'Ngôn ngữ / Language',
  idle: {
    lead: 'Bạn có thể tư vấn với nhân viên tòa thị chính qua cuộc gọi video.',
    begin: 'Bắt đầu',
    notReady: 'Đang kết nối. Vui lòng chờ một chút.',
  },
  start: {
    title: 'Vui lòng chọn một mục',
    booked: 'Tôi đã đặt hẹn',
    bookedHint: 'Dành cho người có số tiếp nhận hoặc mã QR',
    walkIn: 'Tư vấn không đặt hẹn',
    walkInHint: 'Nhân viên đang rảnh sẽ nói chuyện với bạn',
  },
  checkIn: {
    title: 'Vui lòng nhập số tiếp nhận',
    lead: 'Số gồm 6 chữ số bạn nhận được khi đặt hẹn.',
    submit: 'Tiếp nhận bằng số này',
    submitting: 'Đang kiểm tra…',
    notFound: 'Không tìm thấy số này. Vui lòng kiểm tra lại.',
    tooEarly: 'Chưa đến giờ tiếp nhận. Vui lòng thử lại khi gần đến giờ hẹn.',
    tooLate: 'Đã quá giờ hẹn. Vui lòng chọn “Tư vấn không đặt hẹn”.',
    rateLimited: 'Vui lòng chờ một lúc rồi thử lại.',
    offline: 'Không thể kết nối. Vui lòng thử lại.',
    useQr: 'Quét mã QR',
    useKeypad: 'Nhập số',
    qrLead: 'Vui lòng đưa mã QR trên phiếu về phía camera.',
    qrCameraError: 'Không thể sử dụng camera. Vui lòng nhập số.',
  },
  keypad: { backspace: 'Xóa 1 số', clear: 'Xóa hết', codeLabel: 'Số đã nhập' },
  walkIn: { title: 'Vui lòng chọn nội dung tư vấn', lead: 'Hãy chọn mục gần nhất.', unsure: 'Không rõ / Khác' },
  // Only an installer sees this screen.
  pairing: kioskEn.pairing,
  back: 'Quay lại',
  waiting: {
    title: 'Đang gọi nhân viên',
    resident: (name) => `${name}, chúng tôi sẽ gọi bạn theo thứ tự.`,
    lead: 'Vui lòng chờ tại đây. Màn hình sẽ chuyển khi nhân viên trả lời.',
    position: (position) => `Thứ tự chờ của bạn: ${position}`,
    cancel: 'Hủy',
    reconnecting: 'Đang kiểm tra kết nối. Thứ tự của bạn vẫn được giữ nguyên.',
  },
  inCall: {
    staffName: (name) => `Nhân viên phụ trách: ${name}`,
    staffVideo: 'Hình ảnh nhân viên',
    selfView: 'Hình ảnh của bạn',
    hangUp: 'Kết thúc cuộc gọi',
    connecting: 'Đang kết nối…',
    waitingForVideo: 'Đang chờ hình ảnh…',
    unstable: 'Kết nối không ổn định…',
    reconnecting: 'Đang kết nối lại…',
    inCall: 'Đang gọi',
    noLocalMedia: 'Không thể sử dụng camera hoặc micro. Nhân viên có thể không nghe hoặc không thấy bạn.',
  },
  survey: {
    title: 'Cảm ơn bạn đã sử dụng dịch vụ',
    question: 'Buổi tư vấn hôm nay thế nào?',
    ratings: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'],
    skip: 'Bỏ qua',
  },
  ended: {
    title: 'Cảm ơn bạn đã sử dụng dịch vụ',
    reason: (reason) => END_REASON_NOTE[reason] ?? null,
    returning: 'Sắp quay lại màn hình đầu tiên.',
  },
  fault: {
    offline: 'Hiện không thể sử dụng. Đang tự động kết nối lại.',
    callFailed: 'Không thể gọi nhân viên. Vui lòng thử lại.',
    noAnswer: 'Hiện không có nhân viên nào có thể trả lời. Vui lòng gọi lại sau.',
    unexpected: 'Đã xảy ra sự cố.',
    contact: 'Vui lòng liên hệ người quản lý.',
    returning: 'Sắp quay lại màn hình đầu tiên.',
  },
  clock: clockFor('vi-VN'),
};
