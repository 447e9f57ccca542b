import { defineHandler } from '../signalling-types';

/** 書かない窓口: payloads and roles come from SOCKET_REQUESTS; the FormService checks the call, the kiosk and the revision. */
export const pushForm = defineHandler('pushForm', {
  run: async ({ principal, forms }, payload) => forms.push(principal, payload),
});

export const askFormCorrection = defineHandler('askFormCorrection', {
  run: async ({ principal, forms }, payload) => {
    await forms.askCorrection(principal, payload);
    return null;
  },
});

export const signForm = defineHandler('signForm', {
  run: async ({ principal, forms }, payload) => forms.sign(principal, payload),
});

export const refuseForm = defineHandler('refuseForm', {
  run: async ({ principal, forms }, payload) => {
    await forms.refuse(principal, payload);
    return null;
  },
});

export const withdrawForm = defineHandler('withdrawForm', {
  run: async ({ principal, forms }, payload) => forms.withdraw(principal, payload),
});
