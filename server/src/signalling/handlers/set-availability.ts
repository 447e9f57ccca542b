import { defineHandler } from '../signalling-types';

/** 「対応可能」/「離席中」 on a console: who can answer decides what the waiting residents are told. */
export const setAvailability = defineHandler('setAvailability', {
  run: async ({ consultations, setAway }, { available }) => {
    setAway(!available);
    consultations.refreshForecasts();
    return null;
  },
});
