import { AskFormCorrectionPayload, FormRevisionPayload, PushFormPayload, SignFormPayload } from '../../contract/forms';
import { SOCKET_PERMISSIONS } from '../../contract/socket-permissions';
import { defineHandler, type AnyRequestHandler } from '../signalling-types';

export const pushForm = defineHandler({
  event: 'pushForm',
  schema: PushFormPayload,
  roles: SOCKET_PERMISSIONS.pushForm,
  run: async ({ principal, forms }, payload) => forms.push(principal, payload),
});

export const askFormCorrection = defineHandler({
  event: 'askFormCorrection',
  schema: AskFormCorrectionPayload,
  roles: SOCKET_PERMISSIONS.askFormCorrection,
  run: async ({ principal, forms }, payload) => {
    await forms.askCorrection(principal, payload);
    return null;
  },
});

export const signForm = defineHandler({
  event: 'signForm',
  schema: SignFormPayload,
  roles: SOCKET_PERMISSIONS.signForm,
  run: async ({ principal, forms }, payload) => forms.sign(principal, payload),
});

export const refuseForm = defineHandler({
  event: 'refuseForm',
  schema: FormRevisionPayload,
  roles: SOCKET_PERMISSIONS.refuseForm,
  run: async ({ principal, forms }, payload) => {
    await forms.refuse(principal, payload);
    return null;
  },
});

export const formHandlers: readonly AnyRequestHandler[] = [pushForm, askFormCorrection, signForm, refuseForm];
