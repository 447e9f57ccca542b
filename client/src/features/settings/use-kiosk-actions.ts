import { useState } from 'react';
import type { KioskSummary, PairingCode } from '@contract/kiosks';
import { issuePairingCode, revokeKiosk } from '../../api/kiosks-api';
import { useAction } from '../../hooks/use-action';
import type { Action } from '../../hooks/use-action';
import { kioskMessages } from '../../i18n/kiosk-messages';

export type PendingKioskAction = { kind: 'newCode' | 'revoke'; kiosk: KioskSummary } | null;
export interface ShownPairing {
  kioskName: string;
  code: PairingCode;
}

export interface KioskActions {
  action: Action;
  pending: PendingKioskAction;
  ask(pending: PendingKioskAction): void;
  confirm(): void;
  /** A pairing code to show once. */
  pairing: ShownPairing | null;
  showPairing(pairing: ShownPairing | null): void;
}

/** A new pairing code or a revocation, each after confirmation; `onDone` reloads the list. */
export function useKioskActions(onDone: (message: string | null) => void): KioskActions {
  const action = useAction();
  const [pending, setPending] = useState<PendingKioskAction>(null);
  const [pairing, setPairing] = useState<ShownPairing | null>(null);

  const confirm = async () => {
    if (!pending) return;
    const { kind, kiosk } = pending;
    if (kind === 'revoke') {
      const result = await action.perform((o) => revokeKiosk(kiosk.id, o));
      if (!result.ok) return;
      setPending(null);
      onDone(kioskMessages.revokedDone);
      return;
    }
    const result = await action.perform((o) => issuePairingCode(kiosk.id, o));
    if (!result.ok) return;
    setPending(null);
    onDone(null);
    setPairing({ kioskName: kiosk.name, code: result.value });
  };

  return {
    action,
    pending,
    ask: (next) => {
      action.clearError();
      setPending(next);
    },
    confirm: () => void confirm(),
    pairing,
    showPairing: setPairing,
  };
}
