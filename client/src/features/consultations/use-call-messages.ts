import { useEffect, useState } from 'react';
import type { ChatMessage } from '@madoguchi/contract/signalling-events';
import { useCallClient, useStaffCall } from '../../hooks/use-call-client';

export interface CallMessages {
  messages: readonly ChatMessage[];
  sending: boolean;
  failed: boolean;
  /** A quick phrase goes with its id, so the kiosk shows it in the resident's language. */
  send(text: string, phraseId?: string): Promise<boolean>;
}

function append(list: readonly ChatMessage[], message: ChatMessage): readonly ChatMessage[] {
  // The server may also echo our own message back; its id keeps it single.
  return list.some((m) => m.messageId === message.messageId) ? list : [...list, message];
}

/** What is written in one call, as it arrives (a guest reads it; only the desk writes). */
export function useCallConversation(sessionId: string | null): [readonly ChatMessage[], (message: ChatMessage) => void] {
  const client = useCallClient();
  const [messages, setMessages] = useState<readonly ChatMessage[]>([]);

  useEffect(() => {
    if (!sessionId) return;
    return client.onServerEvent('messageReceived', (message) => {
      if (message.sessionId === sessionId) setMessages((prev) => append(prev, message));
    });
  }, [client, sessionId]);

  return [messages, (message) => setMessages((prev) => append(prev, message))];
}

/** The conversation of one call at the desk: what the kiosk sent, and our own messages once acknowledged. */
export function useCallMessages(sessionId: string | null): CallMessages {
  const desk = useStaffCall();
  const [messages, add] = useCallConversation(sessionId);
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);

  const send = async (text: string, phraseId?: string): Promise<boolean> => {
    const trimmed = text.trim();
    if (!sessionId || !trimmed) return false;
    setSending(true);
    setFailed(false);
    try {
      add(await desk.sendStaffRequest('sendMessage', { sessionId, text: trimmed.slice(0, 500), ...(phraseId ? { phraseId } : {}) }));
      return true;
    } catch {
      setFailed(true);
      return false;
    } finally {
      setSending(false);
    }
  };

  return { messages, sending, failed, send };
}
