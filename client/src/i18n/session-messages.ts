import type { SessionEventType } from '@madoguchi/contract/consultation';
import type { EventTextWords } from '../features/sessions/session-event-text';
import { pick } from './language';

export interface SessionMessages {
  heading: string;
  filters: {
    label: string;
    from: string;
    to: string;
    department: string;
    kiosk: string;
    staff: string;
    status: string;
    kind: string;
    outcome: string;
    all: string;
    noOutcome: string;
    apply: string;
    invalidRange: string;
  };
  columns: {
    queuedAt: string;
    kind: string;
    department: string;
    kiosk: string;
    staff: string;
    status: string;
    wait: string;
    duration: string;
    outcome: string;
  };
  tableCaption: string;
  empty: string;
  open: (when: string) => string;
  unassigned: string;
  detail: {
    heading: (kiosk: string, when: string) => string;
    back: string;
    times: string;
    queuedAt: string;
    answeredAt: string;
    endedAt: string;
    endReason: string;
    mediaPath: string;
    mediaFlag: Record<'normal' | 'tcp_fallback' | 'media_failed', string>;
    wait: string;
    duration: string;
    people: string;
    appointment: string;
    openAppointment: string;
    satisfaction: string;
    satisfactionValue: (rating: number) => string;
    notRated: string;
    quality: string;
    noQuality: string;
    kioskToStaff: string;
    staffToKiosk: string;
    rtt: string;
    loss: string;
    bitrate: string;
    direction: string;
    events: string;
    noEvents: string;
    eventType: Record<SessionEventType, string>;
    actor: (actor: string) => string;
    words: Omit<EventTextWords, 'endReason'>;
    showImage: string;
    hideImage: string;
    imageAlt: (time: string) => string;
    imageFailed: string;
    otherLeg: string;
  };
  outcomeForm: {
    heading: string;
    outcome: string;
    notes: string;
    notesHint: string;
    choose: string;
    chooseFirst: string;
    save: string;
    saved: string;
  };
}

const ja: SessionMessages = {
  heading: '相談記録',
  filters: {
    label: '相談記録の絞り込み',
    from: '期間（開始日）',
    to: '期間（終了日）',
    department: '部署',
    kiosk: '端末',
    staff: '担当職員',
    status: '状態',
    kind: '種別',
    outcome: '相談結果',
    all: 'すべて',
    noOutcome: '（結果の指定なし）',
    apply: 'この条件で表示',
    invalidRange: '終了日は開始日と同じか、それより後の日にしてください。',
  },
  columns: {
    queuedAt: '受付日時',
    kind: '種別',
    department: '部署',
    kiosk: '端末',
    staff: '担当職員',
    status: '状態',
    wait: '待ち時間',
    duration: '相談時間',
    outcome: '相談結果',
  },
  tableCaption: '相談記録の一覧（日時は日本時間）',
  empty: '条件に合う相談記録はありません。期間や条件を変えてください。',
  open: (when) => `${when} の相談の詳細`,
  unassigned: '未応答',
  detail: {
    heading: (kiosk, when) => `${when} ${kiosk} の相談`,
    back: '相談記録の一覧に戻る',
    times: '時刻',
    queuedAt: '呼び出し（待機開始）',
    answeredAt: '応答',
    endedAt: '終了',
    endReason: '終了の理由',
    mediaPath: '映像・音声の経路',
    mediaFlag: { normal: '通常（UDP）', tcp_fallback: 'TCPで接続（UDPが届かず）', media_failed: 'つながらず' },
    wait: '待ち時間',
    duration: '相談時間',
    people: '相談の内容',
    appointment: '予約',
    openAppointment: '予約を開く',
    satisfaction: '満足度（住民の評価）',
    satisfactionValue: (rating) => `5段階中 ${rating}`,
    notRated: '評価なし',
    quality: '通話品質（平均）',
    noQuality: '通話品質の記録はありません。',
    kioskToStaff: '端末 → 職員',
    staffToKiosk: '職員 → 端末',
    rtt: '往復遅延',
    loss: 'パケット損失',
    bitrate: 'ビットレート',
    direction: '方向',
    events: '経過',
    noEvents: '記録された出来事はありません。',
    eventType: {
      queued: '呼び出し開始',
      answered: '職員が応答',
      joined: '接続',
      left: '切断',
      reconnected: '再接続',
      media_restarted: '映像・音声の中継を再起動',
      media_tcp_fallback: 'UDPで映像が届かずTCPで再接続',
      node_failover: 'サーバー停止のため別のサーバーで継続',
      media_failed: '映像・音声がつながらず終了',
      guest_invited: '同席者を招待',
      producer_started: '映像・音声の送信開始',
      producer_stopped: '映像・音声の送信停止',
      snapshot_taken: '書類の撮影',
      snapshot_refused: '撮影の同意なし',
      transferred: '転送',
      message_sent: 'メッセージ送信',
      form_shown: '申請書を住民に表示',
      form_correction_asked: '申請書「ここが違います」',
      form_signed: '申請書に署名（署名済み）',
      form_refused: '申請しない（住民）',
      form_withdrawn: '申請書の表示を取り下げ（職員）',
      captions_used: '字幕を表示',
      ended: '終了',
    },
    actor: (actor) => ({ kiosk: '端末', staff: '職員', system: 'システム', guest: '同席者' })[actor] ?? actor,
    words: {
      sources: { camera: 'カメラ', microphone: 'マイク', document: '書類カメラ', screen: '画面共有' },
      kinds: { video: '映像', audio: '音声' },
      booked: '予約',
      walkIn: '予約なし',
      transferredIn: '他の部署から回されました',
      answeredBy: (name) => `応答: ${name}`,
      transferredTo: (department) => `回し先: ${department}`,
      characters: (n) => `${n}文字`,
      captionSources: { captioner: '要約筆記', recogniser: '音声認識' },
      transcriptConsent: (yes) => (yes ? '字幕の記録に同意' : '字幕の記録に同意せず'),
      imageSize: (w, h) => `${w}×${h}`,
      unknownPerson: '（削除された職員）',
      unknownDepartment: '（不明な部署）',
    },
    showImage: '画像を表示',
    hideImage: '画像を閉じる',
    imageAlt: (time) => `${time} に撮影した書類`,
    imageFailed: '画像を表示できませんでした。',
    otherLeg: 'もう一方の記録を開く',
  },
  outcomeForm: {
    heading: '相談結果の記録',
    outcome: '相談結果',
    notes: 'メモ',
    notesHint: '対応内容や引き継ぎ事項。4000文字まで。',
    choose: '選んでください',
    chooseFirst: '相談結果を選んでから保存してください。',
    save: '結果を保存',
    saved: '相談結果を保存しました。',
  },
};

const en: SessionMessages = {
  heading: 'Consultation records',
  filters: {
    label: 'Filter records',
    from: 'From',
    to: 'To',
    department: 'Department',
    kiosk: 'Kiosk',
    staff: 'Staff member',
    status: 'Status',
    kind: 'Kind',
    outcome: 'Outcome',
    all: 'All',
    noOutcome: '(any outcome)',
    apply: 'Show',
    invalidRange: 'The end date must be the same as or after the start date.',
  },
  columns: {
    queuedAt: 'Called at',
    kind: 'Kind',
    department: 'Department',
    kiosk: 'Kiosk',
    staff: 'Staff',
    status: 'Status',
    wait: 'Wait',
    duration: 'Duration',
    outcome: 'Outcome',
  },
  tableCaption: 'Consultation records (Japan time)',
  empty: 'No records match. Change the period or the filters.',
  open: (when) => `Details of the consultation at ${when}`,
  unassigned: 'Not answered',
  detail: {
    heading: (kiosk, when) => `Consultation at ${kiosk}, ${when}`,
    back: 'Back to the records',
    times: 'Times',
    queuedAt: 'Called (queued)',
    answeredAt: 'Answered',
    endedAt: 'Ended',
    endReason: 'Why it ended',
    mediaPath: 'Media path',
    mediaFlag: { normal: 'Normal (UDP)', tcp_fallback: 'Over TCP (UDP blocked)', media_failed: 'Never connected' },
    wait: 'Wait',
    duration: 'Duration',
    people: 'Consultation',
    appointment: 'Appointment',
    openAppointment: 'Open the appointment',
    satisfaction: 'Satisfaction (resident rating)',
    satisfactionValue: (rating) => `${rating} of 5`,
    notRated: 'Not rated',
    quality: 'Call quality (means)',
    noQuality: 'No call quality was recorded.',
    kioskToStaff: 'Kiosk → staff',
    staffToKiosk: 'Staff → kiosk',
    rtt: 'Round trip',
    loss: 'Packet loss',
    bitrate: 'Bitrate',
    direction: 'Direction',
    events: 'Timeline',
    noEvents: 'No events were recorded.',
    eventType: {
      queued: 'Called',
      answered: 'Answered by staff',
      joined: 'Joined',
      left: 'Left',
      reconnected: 'Reconnected',
      media_restarted: 'Media relay restarted',
      media_tcp_fallback: 'No media over UDP; reconnected over TCP',
      node_failover: 'Its server stopped; continued on another server',
      media_failed: 'Media never got through; ended',
      guest_invited: 'Guest invited',
      producer_started: 'Started sending media',
      producer_stopped: 'Stopped sending media',
      snapshot_taken: 'Document photo taken',
      snapshot_refused: 'Photo declined by the resident',
      transferred: 'Transferred',
      message_sent: 'Message sent',
      form_shown: 'Form shown to the resident',
      form_correction_asked: 'Resident asked for a correction',
      form_signed: 'Form signed',
      form_refused: 'Resident declined to apply',
      form_withdrawn: 'Staff withdrew the form',
      captions_used: 'Captions shown',
      ended: 'Ended',
    },
    actor: (actor) => ({ kiosk: 'Kiosk', staff: 'Staff', system: 'System', guest: 'Guest' })[actor] ?? actor,
    words: {
      sources: { camera: 'Camera', microphone: 'Microphone', document: 'Document camera', screen: 'Screen share' },
      kinds: { video: 'video', audio: 'audio' },
      booked: 'Booked',
      walkIn: 'Walk-in',
      transferredIn: 'Handed over from another department',
      answeredBy: (name) => `Answered by ${name}`,
      transferredTo: (department) => `To ${department}`,
      characters: (n) => `${n} characters`,
      captionSources: { captioner: 'captioner', recogniser: 'speech recognition' },
      transcriptConsent: (yes) => (yes ? 'agreed to keep the caption text' : 'did not agree to keep the caption text'),
      imageSize: (w, h) => `${w}×${h}`,
      unknownPerson: '(removed member)',
      unknownDepartment: '(unknown department)',
    },
    showImage: 'Show image',
    hideImage: 'Hide image',
    imageAlt: (time) => `Document photographed at ${time}`,
    imageFailed: 'Could not show the image.',
    otherLeg: 'Open the other record',
  },
  outcomeForm: {
    heading: 'Record the outcome',
    outcome: 'Outcome',
    notes: 'Notes',
    notesHint: 'What was done, what to follow up. Up to 4000 characters.',
    choose: 'Choose…',
    chooseFirst: 'Choose an outcome, then save.',
    save: 'Save outcome',
    saved: 'Outcome saved.',
  },
};

export const sessionMessages: SessionMessages = pick({ ja, en });
