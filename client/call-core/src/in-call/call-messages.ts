import type { ChatMessage } from '@madoguchi/contract/signalling-events';
import type { StaffCallClient } from '../call/staff-call-client';
import { FeatureStore, onlyCall } from './feature-store';
import type { CallFilter, ServerEventSource } from './feature-store';

/** The contract's limit on one message. */
export const MAX_MESSAGE_LENGTH = 500;

export interface CallMessagesState {
  /** Oldest first. */
  messages: readonly ChatMessage[];
  sending: boolean;
  /** The last send was refused or timed out. */
  failed: boolean;
}

/** Sends one message and answers it as the server stored it. */
export type SendMessage = (consultationId: string, text: string, phraseId?: string) => Promise<ChatMessage>;

export interface CallMessagesOptions {
  call: ServerEventSource;
  accepts: CallFilter;
  /** Only messages from these sides are shown (the kiosk shows only the specialist's); all by default. */
  from?: readonly ChatMessage['from'][];
  /** Only the newest few are kept (what fits on a kiosk screen); all by default. */
  keepLast?: number;
  /** Absent: this side only reads (a guest, the kiosk). */
  send?: SendMessage;
}

const EMPTY: CallMessagesState = { messages: [], sending: false, failed: false };

/** A list with `message` added once: the server echoes the sender's own message back with the same id. */
export function withMessage(list: readonly ChatMessage[], message: ChatMessage, keepLast = Infinity): readonly ChatMessage[] {
  if (list.some((m) => m.messageId === message.messageId)) return list;
  const next = [...list, message];
  return next.length > keepLast ? next.slice(-keepLast) : next;
}

/** What is written in one call, as it arrives, and (on the desk) what this side sends. */
export class CallMessages extends FeatureStore<CallMessagesState> {
  constructor(private readonly options: CallMessagesOptions) {
    super(EMPTY);
    this.own(
      options.call.onServerEvent('messageReceived', (message) => {
        if (!options.accepts(message.consultationId)) return;
        if (options.from && !options.from.includes(message.from)) return;
        this.add(message);
      }),
    );
  }

  /** Sends a message (a quick phrase with its id, so the kiosk shows it in the resident's language). */
  async send(consultationId: string, text: string, phraseId?: string): Promise<boolean> {
    const trimmed = text.trim();
    const { send } = this.options;
    if (!send || !trimmed) return false;
    this.patch({ sending: true, failed: false });
    try {
      this.add(await send(consultationId, trimmed.slice(0, MAX_MESSAGE_LENGTH), phraseId));
      this.patch({ sending: false });
      return true;
    } catch {
      this.patch({ sending: false, failed: true });
      return false;
    }
  }

  private add(message: ChatMessage): void {
    const messages = withMessage(this.getSnapshot().messages, message, this.options.keepLast);
    if (messages !== this.getSnapshot().messages) this.patch({ messages });
  }
}

/** The desk's conversation of one call: the kiosk's and guests' messages, and its own once acknowledged. */
export function deskMessages(desk: StaffCallClient, consultationId: string): CallMessages {
  return new CallMessages({
    call: desk,
    accepts: onlyCall(consultationId),
    send: (id, text, phraseId) => desk.sendStaffRequest('sendMessage', { consultationId: id, text, ...(phraseId ? { phraseId } : {}) }),
  });
}

/** A reader's conversation of one call (the guest page). */
export function readMessages(call: ServerEventSource, consultationId: string): CallMessages {
  return new CallMessages({ call, accepts: onlyCall(consultationId) });
}
