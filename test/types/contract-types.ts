// Type tests for the contract: compiled by test/unit/contract/contract-types.test.ts (and by
// `npm run typecheck`). Each @ts-expect-error line must stay an error: if the contract stops
// refusing it, tsc reports the unused directive and the test fails.
import type { RouteKey } from '@madoguchi/contract/api-routes';
import type { FileRouteKey, JsonRouteKey, ParsedRouteQuery, RouteBody, RouteParams, RouteResponse } from '@madoguchi/contract/api-schemas';
import type { Appointment, CreateAppointmentRequest } from '@madoguchi/contract/appointments';
import type { Page } from '@madoguchi/contract/pagination';
import type { ClientToServerEvents } from '@madoguchi/contract/signalling-events';
import type { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import type {
  ParsedSocketPayload,
  SocketPayload,
  SocketRequest,
  SocketRequestOf,
  SocketResult,
  SocketRolesOf,
} from '@madoguchi/contract/socket-requests';

/** Compiles only when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(proof: Equal<A, B>): Equal<A, B> => proof;

// REST: the answer, the body and the parameters come from the route's entry.
same<RouteResponse<'createAppointment'>, Appointment>(true);
same<RouteResponse<'listAppointments'>, Page<Appointment>>(true);
same<RouteBody<'createAppointment'>, CreateAppointmentRequest>(true);
same<RouteParams<'getAppointment'>, { id: string }>(true);
same<RouteBody<'me'>, undefined>(true);
same<ParsedRouteQuery<'listDepartments'>, { includeInactive: boolean }>(true);
// @ts-expect-error the answer of createAppointment is one appointment, not a page
same<RouteResponse<'createAppointment'>, Page<Appointment>>(true);
// @ts-expect-error a route name that is not in the table
same<RouteResponse<'noSuchRoute'>, unknown>(true);

// Downloads are told apart from JSON answers.
const file: FileRouteKey = 'appointmentIcs';
const json: JsonRouteKey = 'getAppointment';
// @ts-expect-error the ICS download is not a JSON route
const notJson: JsonRouteKey = 'appointmentIcs';
const anyRoute: RouteKey = file;
void [file, json, notJson, anyRoute];

// Sockets: the event map, the payloads and the answers come from SOCKET_REQUESTS.
same<SocketResult<'saveOutcome'>, { queued: boolean }>(true);
same<Parameters<ClientToServerEvents['acceptCall']>[0], { consultationId: string; join?: { rtpCapabilities: Record<string, unknown> } | undefined }>(true);
same<SocketPayload<'hangUp'>, { consultationId: string; reason?: 'resident_absent' | undefined }>(true);
same<ParsedSocketPayload<'setAvailability'>, { available: boolean }>(true);
same<SocketRolesOf<'acceptCall'>, 'staff' | 'admin'>(true);
same<(typeof SOCKET_PERMISSIONS)['callStaff'][number], 'kiosk'>(true);
// @ts-expect-error acceptCall answers with the call, not null
same<SocketResult<'acceptCall'>, null>(true);

// One API per role: a kiosk's client cannot name a staff request, nor a guest a kiosk one.
const kioskMay: SocketRequestOf<'kiosk'> = 'callStaff';
const guestMay: SocketRequestOf<'guest'> = 'joinRoom';
// @ts-expect-error acceptCall is for staff
const kioskMayNot: SocketRequestOf<'kiosk'> = 'acceptCall';
// @ts-expect-error a guest cannot call staff
const guestMayNot: SocketRequestOf<'guest'> = 'callStaff';
const every: SocketRequest = kioskMay;
void [kioskMay, guestMay, kioskMayNot, guestMayNot, every];
