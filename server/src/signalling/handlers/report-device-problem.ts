import { defineHandler } from '../signalling-types';

export const reportDeviceProblem = defineHandler('reportDeviceProblem', {
  run: async ({ principal, inCall }, payload) => {
    inCall.reportDeviceProblem(principal, payload);
    return null;
  },
});
