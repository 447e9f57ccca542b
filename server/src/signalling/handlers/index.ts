import type { AnyRequestHandler } from '../signalling-types';
import { acceptCall } from './accept-call';
import { callStaff } from './call-staff';
import { cancelCall } from './cancel-call';
import { closeProducer } from './close-producer';
import { connectTransport } from './connect-transport';
import { getQueue } from './get-queue';
import { getServerInfo } from './get-server-info';
import { hangUp } from './hang-up';
import { joinRoom } from './join-room';
import { produce } from './produce';
import { restartIce } from './restart-ice';

/** Every request the server answers; an event not listed here gets an error ack. */
export const requestHandlers: readonly AnyRequestHandler[] = [
  getServerInfo,
  callStaff,
  cancelCall,
  getQueue,
  acceptCall,
  joinRoom,
  connectTransport,
  produce,
  closeProducer,
  restartIce,
  hangUp,
];
