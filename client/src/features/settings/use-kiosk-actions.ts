import { useState } from 'react';
import type { KioskSummary, PairingCode } from '@madoguchi/contract/kiosks';
import { issuePairingCode, revokeKiosk } from '../../api/kiosks-api';
import { kioskMessages } from '../../i18n/kiosk-messages';
import { useConfirmation } from './use-confirmation';
import type { Confirmation } from './use-confirmation';

export interface PendingKioskAction {
  kind: 'newCode' | 'revoke';
  kiosk: KioskSummary;
}
export interface ShownPairing {
  kioskName: string;
  code: PairingCode;
}

export interface KioskActions extends Confirmation<PendingKioskAction> {
  confirm(): void;
  /** A pairing code to show once. */
  pairing: ShownPairing | null;
  showPairing(pairing: ShownPairing | null): void;
}

/** A new pairing code or a revocation, each after confirmation; `onDone` reloads the list. */
export function useKioskActions(onDone: (message: string | null) => void): KioskActions {
  const confirmation = useConfirmation<PendingKioskAction>();
  const { action, pending, ask } = confirmation;
  const [pairing, setPairing] = useState<ShownPairing | null>(null);

  const confirm = async () => {
    if (!pending) return;
    const { kind, kiosk } = pending;
    if (kind === 'revoke') {
      const result = await action.perform((o) => revokeKiosk(kiosk.id, o));
      if (!result.ok) return;
      ask(null);
      onDone(kioskMessages.revokedDone);
      return;
    }
    const result = await action.perform((o) => issuePairingCode(kiosk.id, o));
    if (!result.ok) return;
    ask(null);
    onDone(null);
    setPairing({ kioskName: kiosk.name, code: result.value });
  };

  return {
    ...confirmation,
    confirm: () => void confirm(),
    pairing,
    showPairing: setPairing,
  };
}
