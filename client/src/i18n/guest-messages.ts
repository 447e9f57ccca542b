import { pick } from './language';

export interface GuestMessages {
  title: string;
  lead: string;
  connecting: string;
  joined: string;
  left: string;
  ended: string;
  failed: string;
  badLink: string;
  leave: string;
  selfView: string;
  messagesTitle: string;
  noMessages: string;
  you: string;
  sources: { kioskCamera: string; staffCamera: string; document: string; screen: string; other: string };
}

const ja: GuestMessages = {
  title: 'オンライン相談に同席しています',
  lead: '住民の方と職員の通話に参加しています。このページを閉じるか「退出する」を押すと退出します。',
  connecting: '接続しています…',
  joined: '通話に参加しました。',
  left: '退出しました。このリンクはもう使えません。',
  ended: '通話が終了しました。このページを閉じてください。',
  failed: '参加できませんでした。リンクの有効期限が切れたか、通話が終わっています。職員に新しいリンクを依頼してください。',
  badLink: 'リンクが正しくありません。職員から受け取ったリンクをそのまま開いてください。',
  leave: '退出する',
  selfView: 'あなたの映像',
  messagesTitle: 'メッセージ',
  noMessages: 'まだメッセージはありません。',
  you: 'あなた',
  sources: { kioskCamera: '住民の方', staffCamera: '職員', document: '書類', screen: '職員の画面', other: '映像' },
};

const en: GuestMessages = {
  title: 'You are joining a remote consultation',
  lead: 'You are in the call between a resident and a staff member. Close this page or press "Leave" to leave.',
  connecting: 'Connecting…',
  joined: 'You have joined the call.',
  left: 'You have left. This link cannot be used again.',
  ended: 'The call has ended. You can close this page.',
  failed: 'Could not join: the link has expired or the call is over. Ask the staff member for a new link.',
  badLink: 'This link is not complete. Open the link exactly as you received it.',
  leave: 'Leave',
  selfView: 'Your video',
  messagesTitle: 'Messages',
  noMessages: 'No messages yet.',
  you: 'You',
  sources: { kioskCamera: 'Resident', staffCamera: 'Staff', document: 'Document', screen: "Staff's screen", other: 'Video' },
};

export const guestMessages = pick({ ja, en });
