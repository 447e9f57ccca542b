import type { GuestKind } from '@madoguchi/contract/guests';
import { pick } from './language';

/** The words on every video tile of the console and the guest page, and the kinds of guest. */
export const tileCaptions = pick({
  ja: {
    resident: '住民',
    staff: '職員',
    self: 'あなた',
    document: '書類カメラ',
    screen: '職員の画面',
    guestKinds: { interpreter: '通訳者', sign_language: '手話通訳者', department: '他部署の職員', other: '同席者' } satisfies Record<GuestKind, string>,
  },
  en: {
    resident: 'Resident',
    staff: 'Staff',
    self: 'You',
    document: 'Document camera',
    screen: "Staff's screen",
    guestKinds: { interpreter: 'Interpreter', sign_language: 'Sign-language interpreter', department: 'Other department', other: 'Guest' } satisfies Record<GuestKind, string>,
  },
});

/** A guest's caption: their kind, or 同席者 when the server did not say. */
export const guestCaption = (kind: GuestKind | undefined): string => tileCaptions.guestKinds[kind ?? 'other'];
