import { defineHandler } from '../signalling-types';

export const captionInput = defineHandler('captionInput', {
  run: async ({ principal, socketId, captions }, payload) => {
    captions.input(principal, payload, socketId);
    return null;
  },
});

export const correctCaption = defineHandler('correctCaption', {
  run: async ({ principal, captions }, payload) => captions.correct(principal, payload),
});

export const captionConsent = defineHandler('captionConsent', {
  run: async ({ principal, captions }, payload) => {
    captions.consent(principal, payload);
    return null;
  },
});

export const getCaptions = defineHandler('getCaptions', {
  run: async ({ principal, captions }, { consultationId }) => captions.snapshot(principal, consultationId),
});
