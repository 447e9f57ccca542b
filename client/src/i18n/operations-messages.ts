import type { KioskStatus } from '@madoguchi/contract/kiosks';
import { pick } from './language';

export interface OperationsMessages {
  heading: string;
  lead: string;
  updated: (time: string) => string;
  kiosks: { heading: string; name: string; place: string; status: string; heartbeat: string; never: string; summary: (online: number, total: number) => string };
  status: Record<KioskStatus, string>;
  minutes: (n: number) => string;
  live: { heading: string; kiosk: string; department: string; state: string; staff: string; since: string; quality: string; none: string; queued: string; active: string; general: string };
  server: {
    heading: string;
    node: (nodeId: string, self: boolean) => string;
    missing: string;
    worker: string;
    rooms: string;
    peers: string;
    cpu: string;
    memory: string;
    media: (t: number, p: number, c: number) => string;
  };
}

const ja: OperationsMessages = {
  heading: '運用状況',
  lead: '端末の接続、進行中の相談、サーバーの負荷を10秒ごとに更新します。',
  updated: (time) => `最終更新 ${time}`,
  kiosks: {
    heading: '端末',
    name: '端末名',
    place: '場所',
    status: '状態',
    heartbeat: '最終応答',
    never: '応答なし',
    summary: (online, total) => `${total}台中 ${online}台が接続中`,
  },
  status: { online: '接続中', busy: '相談中', offline: '未接続' },
  minutes: (n) => `${n}分`,
  live: {
    heading: '進行中の相談',
    kiosk: '端末',
    department: '部署',
    state: '状態',
    staff: '担当',
    since: '経過',
    quality: '通信品質',
    none: '進行中の相談はありません。',
    queued: '待機中',
    active: '通話中',
    general: '総合窓口',
  },
  server: {
    heading: 'サーバー',
    node: (nodeId, self) => `ノード ${nodeId}${self ? '（この画面の接続先）' : ''}`,
    missing: '応答しないノードがあります。そのノードの負荷は表示されていません。ノードの /readyz とログを確認してください。',
    worker: 'メディア処理',
    rooms: '通話数',
    peers: '参加者数',
    cpu: 'CPU使用率',
    memory: 'メモリ',
    media: (t, p, c) => `トランスポート ${t}・送信 ${p}・受信 ${c}`,
  },
};

const en: OperationsMessages = {
  heading: 'Operations',
  lead: 'Kiosk connections, live consultations and server load, refreshed every 10 seconds.',
  updated: (time) => `Updated ${time}`,
  kiosks: {
    heading: 'Kiosks',
    name: 'Kiosk',
    place: 'Place',
    status: 'Status',
    heartbeat: 'Last heartbeat',
    never: 'never',
    summary: (online, total) => `${online} of ${total} connected`,
  },
  status: { online: 'Online', busy: 'In a call', offline: 'Offline' },
  minutes: (n) => `${n} min`,
  live: {
    heading: 'Live consultations',
    kiosk: 'Kiosk',
    department: 'Department',
    state: 'State',
    staff: 'Staff',
    since: 'Elapsed',
    quality: 'Quality',
    none: 'No consultation in progress.',
    queued: 'Waiting',
    active: 'In call',
    general: 'General counter',
  },
  server: {
    heading: 'Servers',
    node: (nodeId, self) => `Node ${nodeId}${self ? ' (this page is connected to it)' : ''}`,
    missing: 'A node did not answer; its load is not shown. Check that node\'s /readyz and its logs.',
    worker: 'Media worker',
    rooms: 'Calls',
    peers: 'Participants',
    cpu: 'CPU',
    memory: 'Memory',
    media: (t, p, c) => `${t} transports, ${p} producers, ${c} consumers`,
  },
};

export const operationsMessages = pick({ ja, en });
