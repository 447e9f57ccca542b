import type { CameraRoles } from '@madoguchi/contract/kiosks';
import { KioskCallClient } from '@madoguchi/call-core/call/kiosk-call-client';
import type { CallEndedEvent, CallSnapshot } from '@madoguchi/call-core/call-types';
import { DefaultReconnectPolicy } from '@madoguchi/call-core/reconnect-policy';
import { createLogger } from '@madoguchi/call-core/logger';
import { Heartbeat } from '../device/heartbeat';
import type { KioskTokenKeeper } from '../device/kiosk-token-keeper';
import { InCallExtras } from './in-call-extras';
import type { FormReview } from './form-review-state';
import { reportMissingFaceDevices } from '@madoguchi/call-core/face-device-report';
import { KioskForms } from './kiosk-forms';
import type { InCallExtrasSnapshot } from './in-call-extras';
import type { KioskConnections } from './kiosk-controller-types';
import type { KioskEvent } from './kiosk-state';

/** What the kiosk controller does with what the call core reports. */
export interface KioskCallHooks {
  dispatch: (event: KioskEvent) => void;
  onCall: (call: CallSnapshot) => void;
  onExtras: (extras: InCallExtrasSnapshot) => void;
  onForms: (forms: FormReview | null) => void;
  onConnected: () => void;
  onConnectionFailed: () => void;
  onCallEnded: (event: CallEndedEvent) => void;
  cameraRoles: () => CameraRoles;
  /** The sockets and media of the call client (the browser's by default). */
  callOptions: KioskConnections['call'];
}

/** The call core with the kiosk's heartbeat and in-call extras, wired to the kiosk controller. */
export interface KioskCall {
  client: KioskCallClient;
  heartbeat: Heartbeat;
  extras: InCallExtras;
  /** 書かない窓口: the form staff show for the resident to check and sign. */
  forms: KioskForms;
}

const logger = createLogger('kiosk-call');

/**
 * A reloaded page (F5, a browser crash, the watchdog) knows nothing of the call the server
 * still keeps for this kiosk during its grace period: ask, and carry on with it.
 */
async function resumeAfterReload(client: KioskCallClient, dispatch: (event: KioskEvent) => void): Promise<void> {
  if (client.getSnapshot().call) return; // a call this page knows resumes by itself
  try {
    const { live } = await client.askResume();
    if (!live || client.getSnapshot().call) return;
    dispatch({ type: 'resumed', answered: live.state === 'active', queuePosition: live.queuePosition, staffName: live.peerName, department: live.department });
    await client.resumeCall(live);
  } catch (error) {
    logger.warn('could not resume the call after a reload', { error });
  }
}

export function createKioskCall(keeper: KioskTokenKeeper, hooks: KioskCallHooks): KioskCall {
  const client = new KioskCallClient({
    getToken: () => keeper.token,
    refreshToken: () => keeper.refreshNow(),
    // A kiosk never gives up: it has nobody to press "retry".
    reconnectPolicy: new DefaultReconnectPolicy({ maxElapsedMs: Infinity }),
    deferDevice: true,
    ...hooks.callOptions,
  });
  const heartbeat = new Heartbeat({ send: () => client.sendKioskNotice('heartbeat', {}) });
  const extras = new InCallExtras({ call: client, getToken: () => keeper.token, cameraRoles: hooks.cameraRoles });
  extras.on('changed', hooks.onExtras);
  const forms = new KioskForms({ call: client, getToken: () => keeper.token });
  forms.on('changed', hooks.onForms);
  client.on('changed', hooks.onCall);
  reportMissingFaceDevices(client, (consultationId, device) => client.sendKioskCallRequest('reportDeviceProblem', { consultationId, device }));
  client.on('connectionStateChanged', (state) => {
    if (state === 'connected') {
      heartbeat.start();
      hooks.dispatch({ type: 'ready' });
      hooks.onConnected();
      void resumeAfterReload(client, hooks.dispatch);
    } else {
      heartbeat.stop();
    }
    if (state === 'failed') hooks.onConnectionFailed();
  });
  // Joining, not callAccepted, marks the answer: after a reconnect the core may learn of
  // it only from the server's refusal to queue the kiosk again.
  client.on('callStateChanged', (state) => {
    if (state === 'joining' || state === 'inCall') {
      hooks.dispatch({ type: 'accepted', staffName: client.getSnapshot().call?.peerName ?? null });
    }
  });
  client.on('transferred', ({ departmentId, departmentName, queuePosition }) => {
    hooks.dispatch({ type: 'transferred', departmentId, departmentName, queuePosition });
  });
  client.onServerEvent('queuePosition', ({ consultationId, position, estimatedWaitSeconds, outlook }) => {
    if (client.getSnapshot().call?.consultationId !== consultationId) return;
    hooks.dispatch({ type: 'queueMoved', queuePosition: position, estimatedWaitSeconds, outlook });
  });
  client.on('callEnded', hooks.onCallEnded);
  return { client, heartbeat, extras, forms };
}
