import type { ChatMessage } from '@madoguchi/contract/signalling-events';
import { deskMessages, readMessages } from '@madoguchi/call-core/in-call/call-messages';
import type { CallMessagesState } from '@madoguchi/call-core/in-call/call-messages';
import { useInCallFeature } from '@madoguchi/call-core/in-call/use-in-call-feature';
import { useCallClient, useStaffCall } from '../../hooks/use-call-client';

export interface CallMessages extends CallMessagesState {
  /** A quick phrase goes with its id, so the kiosk shows it in the resident's language. */
  send(text: string, phraseId?: string): Promise<boolean>;
}

const EMPTY: CallMessagesState = { messages: [], sending: false, failed: false };

/** What is written in one call, as it arrives (a guest reads it; only the desk writes). */
export function useCallConversation(consultationId: string | null): readonly ChatMessage[] {
  const client = useCallClient();
  return useInCallFeature(() => (consultationId ? readMessages(client, consultationId) : null), [client, consultationId], EMPTY).state.messages;
}

/** The conversation of one call at the desk: what the kiosk sent, and our own messages once acknowledged. */
export function useCallMessages(consultationId: string | null): CallMessages {
  const desk = useStaffCall();
  const { feature, state } = useInCallFeature(() => (consultationId ? deskMessages(desk, consultationId) : null), [desk, consultationId], EMPTY);
  return {
    ...state,
    send: async (text, phraseId) => (feature && consultationId ? feature.send(consultationId, text, phraseId) : false),
  };
}
