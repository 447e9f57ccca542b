import type { ConsultationEventType } from '@madoguchi/contract/consultation';
import type { EventTextWords } from '../features/records/record-event-text';
import { sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/record.json';
import ja from './ja/record.json';
import { localized } from './language';

export interface RecordMessages {
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
    eventType: Record<ConsultationEventType, string>;
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

/** The words are in `ja/record.json` and `en/record.json`. */
export const recordMessages: RecordMessages = localized<RecordMessages>(sameKeysAsJapanese({ ja, en }), {
  open: ['when'],
  detail: {
    heading: ['kiosk', 'when'],
    satisfactionValue: ['rating'],
    actor: (text: Partial<Record<string, string>>, actor) => text[actor] ?? actor,
    words: {
      answeredBy: ['name'],
      transferredTo: ['department'],
      characters: ['count'],
      transcriptConsent: (text: { yes: string; no: string }, yes) => (yes ? text.yes : text.no),
      imageSize: ['width', 'height'],
    },
    imageAlt: ['time'],
  },
});
