import type { RequestHandlers } from '../signalling-types';
import { answerSnapshot } from './answer-snapshot';
import { askFormCorrection, pushForm, refuseForm, signForm, withdrawForm } from './forms';
import { captionConsent, captionInput, correctCaption, getCaptions } from './captions';
import { pointer } from './pointer';
import { documentView } from './document-view';
import { connectMediaCheck, endMediaCheck, produceMediaCheck, resumeMediaCheck, startMediaCheck } from './media-check';
import { reportDeviceProblem } from './report-device-problem';
import { reportMediaFailure } from './report-media-failure';
import { reportQuality } from './report-quality';
import { requestSnapshot } from './request-snapshot';
import { sendMessage } from './send-message';
import { transferCall } from './transfer-call';
import { acceptCall } from './accept-call';
import { callStaff } from './call-staff';
import { cancelCall } from './cancel-call';
import { checkIn } from './check-in';
import { closeProducer } from './close-producer';
import { connectTransport } from './connect-transport';
import { getQueue } from './get-queue';
import { getServerInfo } from './get-server-info';
import { hangUp } from './hang-up';
import { heartbeat } from './heartbeat';
import { joinRoom } from './join-room';
import { produce } from './produce';
import { restartIce } from './restart-ice';
import { resumeCall } from './resume-call';
import { saveOutcome } from './save-outcome';
import { setAvailability } from './set-availability';
import { standBy } from './stand-by';
import { submitSurvey } from './submit-survey';

/**
 * Every request the server answers, keyed by event: the type makes a missing or misnamed one a
 * compile error. An event not in SOCKET_REQUESTS gets an error ack.
 */
export const requestHandlers: RequestHandlers = {
  getServerInfo,
  callStaff,
  checkIn,
  cancelCall,
  submitSurvey,
  heartbeat,
  getQueue,
  setAvailability,
  acceptCall,
  standBy,
  joinRoom,
  connectTransport,
  produce,
  closeProducer,
  restartIce,
  hangUp,
  reportMediaFailure,
  startMediaCheck,
  connectMediaCheck,
  produceMediaCheck,
  resumeMediaCheck,
  endMediaCheck,
  resumeCall,
  saveOutcome,
  sendMessage,
  requestSnapshot,
  answerSnapshot,
  reportDeviceProblem,
  pointer,
  documentView,
  transferCall,
  reportQuality,
  pushForm,
  askFormCorrection,
  signForm,
  refuseForm,
  withdrawForm,
  captionInput,
  correctCaption,
  captionConsent,
  getCaptions,
};
