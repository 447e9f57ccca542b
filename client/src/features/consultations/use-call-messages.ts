import { useEffect, useState } from 'react';
import type { ChatMessage } from '@madoguchi/contract/signalling-events';
import { useCallSession } from '../../hooks/use-call-session';

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

/** The conversation of one call: what the kiosk sent, and our own messages once acknowledged. */
export function useCallMessages(sessionId: string | null): CallMessages {
  const session = useCallSession();
  const [messages, setMessages] = useState<readonly ChatMessage[]>([]);
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!sessionId) return;
    return session.onServerEvent('messageReceived', (message) => {
      if (message.sessionId === sessionId) setMessages((prev) => append(prev, message));
    });
  }, [session, sessionId]);

  const send = async (text: string, phraseId?: string): Promise<boolean> => {
    const trimmed = text.trim();
    if (!sessionId || !trimmed) return false;
    setSending(true);
    setFailed(false);
    try {
      const message = await session.sendStaffRequest('sendMessage', { sessionId, text: trimmed.slice(0, 500), ...(phraseId ? { phraseId } : {}) });
      setMessages((prev) => append(prev, message));
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
