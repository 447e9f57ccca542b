import type { EndReason, ConsultationEvent } from '@madoguchi/contract/consultation';

/** The words a timeline line needs; one object per staff-app language. */
export interface EventTextWords {
  sources: Record<string, string>;
  kinds: Record<string, string>;
  booked: string;
  walkIn: string;
  transferredIn: string;
  answeredBy: (name: string) => string;
  transferredTo: (department: string) => string;
  characters: (count: number) => string;
  /** Where captions came from (captions_used). */
  captionSources: Record<string, string>;
  /** The resident's answer about keeping the caption text. */
  transcriptConsent: (yes: boolean) => string;
  imageSize: (width: number, height: number) => string;
  endReason: (reason: EndReason) => string;
  unknownPerson: string;
  unknownDepartment: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * One event's details in plain words: names instead of staff and department ids, "書類カメラ
 * （映像）" instead of a producer id. Ids that mean nothing to a reader are left out.
 */
export function describeEventDetails(event: ConsultationEvent, all: readonly ConsultationEvent[], names: Readonly<Record<string, string>>, w: EventTextWords): string {
  const d = event.details;
  const media = (source: unknown, kind: unknown): string => {
    const s = text(source);
    const k = text(kind);
    return [s ? (w.sources[s] ?? s) : null, k ? `（${w.kinds[k] ?? k}）` : null].filter(Boolean).join('');
  };
  switch (event.type) {
    case 'queued':
      return [d['kind'] === 'booked' ? w.booked : w.walkIn, d['transferredFrom'] ? w.transferredIn : null].filter(Boolean).join(' ・ ');
    case 'answered': {
      const id = text(d['staffId']);
      return w.answeredBy(id ? (names[id] ?? w.unknownPerson) : w.unknownPerson);
    }
    case 'producer_started':
      return media(d['source'], d['kind']);
    case 'producer_stopped': {
      // Older records name only the producer: find what it was from when it started.
      const started = all.find((e) => e.type === 'producer_started' && e.details['producerId'] === d['producerId']);
      return started ? media(started.details['source'], started.details['kind']) : media(d['source'], d['kind']);
    }
    case 'transferred': {
      const id = text(d['departmentId']);
      return w.transferredTo(id ? (names[id] ?? w.unknownDepartment) : w.unknownDepartment);
    }
    case 'message_sent': {
      const length = count(d['length']);
      return length === null ? '' : w.characters(length);
    }
    case 'captions_used': {
      const source = text(d['source']);
      if (source) return w.captionSources[source] ?? source;
      return typeof d['transcriptConsent'] === 'boolean' ? w.transcriptConsent(d['transcriptConsent']) : '';
    }
    case 'snapshot_taken': {
      const width = count(d['width']);
      const height = count(d['height']);
      return width !== null && height !== null ? w.imageSize(width, height) : '';
    }
    case 'ended': {
      const reason = text(d['reason']);
      return reason ? w.endReason(reason as EndReason) : '';
    }
    default:
      return '';
  }
}
