import type { Language } from '@madoguchi/contract/languages';
import type { OutboxKind } from '../db/repositories/outbox-repository';

export interface MailTexts {
  locale: string;
  greeting: (name: string) => string;
  titles: Record<OutboxKind, string>;
  when: string;
  where: string;
  what: string;
  code: string;
  codeHint: string;
  link: string;
  footer: string;
}

const ja: MailTexts = {
  locale: 'ja-JP',
  greeting: (name) => `${name} 様`,
  titles: {
    confirmation: 'オンライン相談のご予約を受け付けました',
    reminder_day: '明日はオンライン相談のご予約日です',
    reminder_hour: 'まもなくオンライン相談のお時間です',
    moved: 'ご予約の日時が変更されました',
    cancelled: 'ご予約は取り消されました',
  },
  when: '日時',
  where: '場所',
  what: '内容',
  code: '受付番号',
  codeHint: '相談端末で「予約があります」を押して受付番号を入力してください。',
  link: '予約の確認・変更・取り消し',
  footer: 'このメールは送信専用です。ご不明な点は市役所までお電話ください。',
};

const jaEasy: MailTexts = {
  ...ja,
  titles: {
    confirmation: 'ビデオの そうだんの 予約が できました',
    reminder_day: 'あしたは そうだんの 日です',
    reminder_hour: 'もうすぐ そうだんの 時間です',
    moved: '予約の 日と 時間が かわりました',
    cancelled: '予約は なくなりました',
  },
  when: '日と 時間',
  where: 'ばしょ',
  what: 'ないよう',
  code: '受付ばんごう',
  codeHint: 'そうだん きかいで「予約があります」を おして、ばんごうを 入れて ください。',
  link: '予約を みる・かえる・やめる',
  footer: 'この メールに 返事は できません。わからない ときは 市役所に 電話して ください。',
};

const en: MailTexts = {
  locale: 'en-GB',
  greeting: (name) => `Dear ${name},`,
  titles: {
    confirmation: 'Your video consultation is booked',
    reminder_day: 'Your video consultation is tomorrow',
    reminder_hour: 'Your video consultation starts soon',
    moved: 'The time of your booking has changed',
    cancelled: 'Your booking is cancelled',
  },
  when: 'When',
  where: 'Where',
  what: 'About',
  code: 'Check-in code',
  codeHint: 'On the kiosk, press “I have a booking” and type the code.',
  link: 'See, change or cancel your booking',
  footer: 'This address does not take replies. Please call the city hall with any question.',
};

const zh: MailTexts = {
  locale: 'zh-CN',
  greeting: (name) => `${name} 您好：`,
  titles: { confirmation: '视频咨询预约成功', reminder_day: '明天是您的视频咨询预约日', reminder_hour: '视频咨询即将开始', moved: '您的预约时间已变更', cancelled: '您的预约已取消' },
  when: '日期时间',
  where: '地点',
  what: '内容',
  code: '受理号码',
  codeHint: '请在终端上按「我有预约」并输入号码。',
  link: '查看、更改或取消预约',
  footer: '此邮件为系统发送，请勿回复。如有疑问请致电市政府。',
};

const ko: MailTexts = {
  locale: 'ko-KR',
  greeting: (name) => `${name} 님`,
  titles: { confirmation: '화상 상담 예약이 접수되었습니다', reminder_day: '내일은 화상 상담 예약일입니다', reminder_hour: '곧 화상 상담 시간입니다', moved: '예약 일시가 변경되었습니다', cancelled: '예약이 취소되었습니다' },
  when: '일시',
  where: '장소',
  what: '내용',
  code: '접수 번호',
  codeHint: '단말기에서 「예약이 있습니다」를 누르고 번호를 입력해 주세요.',
  link: '예약 확인·변경·취소',
  footer: '이 메일은 발신 전용입니다. 문의는 시청에 전화해 주세요.',
};

const vi: MailTexts = {
  locale: 'vi-VN',
  greeting: (name) => `Kính gửi ${name},`,
  titles: { confirmation: 'Đã đặt lịch tư vấn qua video', reminder_day: 'Ngày mai là lịch tư vấn của bạn', reminder_hour: 'Sắp đến giờ tư vấn của bạn', moved: 'Thời gian lịch hẹn đã thay đổi', cancelled: 'Lịch hẹn đã bị hủy' },
  when: 'Thời gian',
  where: 'Địa điểm',
  what: 'Nội dung',
  code: 'Mã tiếp nhận',
  codeHint: 'Trên máy, bấm “Tôi có lịch hẹn” và nhập mã.',
  link: 'Xem, đổi hoặc hủy lịch hẹn',
  footer: 'Vui lòng không trả lời e-mail này. Nếu có thắc mắc, hãy gọi cho tòa thị chính.',
};

const pt: MailTexts = {
  locale: 'pt-BR',
  greeting: (name) => `Prezado(a) ${name},`,
  titles: { confirmation: 'Sua consulta por vídeo está agendada', reminder_day: 'Sua consulta por vídeo é amanhã', reminder_hour: 'Sua consulta por vídeo começa em breve', moved: 'O horário do seu agendamento mudou', cancelled: 'Seu agendamento foi cancelado' },
  when: 'Quando',
  where: 'Onde',
  what: 'Assunto',
  code: 'Número de atendimento',
  codeHint: 'No terminal, toque em “Tenho agendamento” e digite o número.',
  link: 'Ver, alterar ou cancelar o agendamento',
  footer: 'Não responda a este e-mail. Em caso de dúvida, ligue para a prefeitura.',
};

const es: MailTexts = {
  locale: 'es-ES',
  greeting: (name) => `Estimado/a ${name}:`,
  titles: { confirmation: 'Su consulta por vídeo está reservada', reminder_day: 'Su consulta por vídeo es mañana', reminder_hour: 'Su consulta por vídeo empieza pronto', moved: 'La hora de su reserva ha cambiado', cancelled: 'Su reserva se ha cancelado' },
  when: 'Cuándo',
  where: 'Dónde',
  what: 'Tema',
  code: 'Número de recepción',
  codeHint: 'En el terminal, pulse «Tengo una reserva» y escriba el número.',
  link: 'Ver, cambiar o cancelar la reserva',
  footer: 'No responda a este correo. Para cualquier duda, llame al ayuntamiento.',
};

export const MAIL_TEXTS: Record<Language, MailTexts> = { ja, 'ja-easy': jaEasy, en, zh, ko, vi, pt, es };
