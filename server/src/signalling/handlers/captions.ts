import { CaptionConsentPayload, CaptionInputPayload, CorrectCaptionPayload } from '@madoguchi/contract/captions';
import { SessionPayload } from '@madoguchi/contract/signalling-schemas';
import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { defineHandler } from '../signalling-types';

export const captionInput = defineHandler({
  event: 'captionInput',
  schema: CaptionInputPayload,
  roles: SOCKET_PERMISSIONS.captionInput,
  run: async ({ principal, captions }, payload) => {
    captions.input(principal, payload);
    return null;
  },
});

export const correctCaption = defineHandler({
  event: 'correctCaption',
  schema: CorrectCaptionPayload,
  roles: SOCKET_PERMISSIONS.correctCaption,
  run: async ({ principal, captions }, payload) => captions.correct(principal, payload),
});

export const captionConsent = defineHandler({
  event: 'captionConsent',
  schema: CaptionConsentPayload,
  roles: SOCKET_PERMISSIONS.captionConsent,
  run: async ({ principal, captions }, payload) => {
    captions.consent(principal, payload);
    return null;
  },
});

export const getCaptions = defineHandler({
  event: 'getCaptions',
  schema: SessionPayload,
  roles: SOCKET_PERMISSIONS.getCaptions,
  run: async ({ principal, captions }, { sessionId }) => captions.snapshot(principal, sessionId),
});
