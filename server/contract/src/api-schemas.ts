import { z } from './zod';
import type { RouteKey } from './api-routes';
import {
  AppointmentListQuery,
  CancelAppointmentRequest,
  ConflictCheckRequest,
  CreateAppointmentRequest,
  UpdateAppointmentRequest,
  type Appointment,
  type AppointmentConflictDetails,
  type AppointmentDetail,
  type AppointmentRules,
} from './appointments';
import { AuditListQuery, type AuditEntry } from './audit';
import type { CallContext } from './call-context';
import type { ConsultationTranscript } from './captions';
import { ConsultationListQuery, ConsultationOutcomeRequest, type ConsultationListItem, type ConsultationDetail, type ConsultationRecord } from './consultation';
import { DepartmentInput, DepartmentListQuery, DepartmentUpdate, type Department } from './departments';
import { FormSettings, FormTemplateArchive, FormTemplateInput, FormTemplateListQuery, type FormDocumentInfo, type FormTemplate } from './forms';
import { CreateGuestLinkRequest, type GuestLink } from './guests';
import {
  CreateKioskRequest,
  OpenInstallerRequest,
  PairKioskRequest,
  SaveKioskDevicesRequest,
  UpdateKioskRequest,
  type InstallerWindow,
  type KioskConfig,
  type KioskRegistered,
  type KioskSummary,
  type PairKioskResponse,
  type PairingCode,
} from './kiosks';
import { KioskBookingRequest, KioskFreeTimeQuery, type KioskBookingCreated } from './kiosk-booking';
import type { OperationsOverview } from './operations';
import type { Page } from './pagination';
import { CreateQuickPhraseRequest, type QuickPhrase } from './quick-phrases';
import { ReportQuery, type Report } from './reports';
import { KioskTokenRequest, LoginRequest, RefreshRequest, type KioskTokenResponse, type LoginResponse, type StaffProfile } from './rest';
import type { SnapshotInfo } from './signalling-events';
import { ChangePasswordRequest, CreateStaffRequest, StaffListQuery, UpdateStaffRequest, type StaffCredentialsIssued, type StaffMember } from './staff';
import { KioskDisplaySettings } from './town-settings';
import {
  BookingRules,
  FreeTimeQuery,
  ManageTokenParams,
  PublicBookingRequest,
  PublicMoveRequest,
  type BookingChallenge,
  type BookingRulesView,
  type FreeTimes,
  type PublicBooking,
  type PublicBookingCreated,
  type PublicBookingOptions,
} from './booking';
import {
  CreateApiKeyRequest,
  CreateWebhookRequest,
  IntegrationBookingRequest,
  IntegrationMoveRequest,
  WebhookDeliveryQuery,
  type ApiKeyIssued,
  type ApiKeySummary,
  type IntegrationAppointment,
  type IntegrationAppointmentCreated,
  type WebhookDelivery,
  type WebhookDestinations,
  type WebhookEndpoint,
  type WebhookIssued,
} from './integrations';

/**
 * The schemas of every REST route: path parameters, query, body and the answer. This is the
 * second half of the route table (API_ROUTES holds method, path and access); it lives in its
 * own file because the web apps load API_ROUTES on their first screen and must not pull every
 * zod schema in with it. A route missing here, or a key not in API_ROUTES, is a compile error.
 */

declare const RESPONSE: unique symbol;
/**
 * A route's answer, typed for the compiler (the server's handler must return it, the clients
 * receive it); `name` is what the OpenAPI document calls it. Answers are built by our own
 * server, so they are typed, not parsed.
 */
export interface Responds<T> {
  readonly name: string;
  readonly [RESPONSE]?: T;
}
const responds = <T>(name: string): Responds<T> => ({ name });

/** A download (ICS, CSV, an image): sent with its own content type, not as JSON. */
export interface FileDownload {
  readonly file: true;
}
/** No body: the answer is 204 No Content. */
export type NoContent = undefined;

export const IdParams = z.object({ id: z.uuid() }).strict();
export type IdParams = z.infer<typeof IdParams>;

/** A POST that takes no body (an empty one, or none at all). */
const NoBody = z.object({}).strict().optional();

export interface RouteSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** 200 unless told; a NoContent route answers 204. */
  status?: 200 | 201;
  response: Responds<unknown>;
}

export const API_SCHEMAS = {
  login: { body: LoginRequest, response: responds<LoginResponse>('LoginResponse') },
  refresh: { body: RefreshRequest, response: responds<LoginResponse>('LoginResponse') },
  logout: { response: responds<NoContent>('no content') },
  me: { response: responds<StaffProfile>('StaffProfile') },
  changePassword: { body: ChangePasswordRequest, response: responds<NoContent>('no content') },

  kioskToken: { body: KioskTokenRequest, response: responds<KioskTokenResponse>('KioskTokenResponse') },
  kioskPair: { body: PairKioskRequest, response: responds<PairKioskResponse>('PairKioskResponse') },
  openKioskInstaller: { body: OpenInstallerRequest, response: responds<InstallerWindow>('InstallerWindow') },
  saveKioskDevices: { body: SaveKioskDevicesRequest, response: responds<null>('null') },
  kioskConfig: { response: responds<KioskConfig>('KioskConfig') },
  kioskFreeTimes: { params: IdParams, query: KioskFreeTimeQuery, response: responds<FreeTimes>('FreeTimes') },
  createKioskBooking: { params: IdParams, body: KioskBookingRequest, status: 201, response: responds<KioskBookingCreated>('KioskBookingCreated') },

  listDepartments: { query: DepartmentListQuery, response: responds<Department[]>('Department[]') },
  createDepartment: { body: DepartmentInput, status: 201, response: responds<Department>('Department') },
  updateDepartment: { params: IdParams, body: DepartmentUpdate, response: responds<Department>('Department') },

  getKioskDisplay: { response: responds<KioskDisplaySettings>('KioskDisplaySettings') },
  updateKioskDisplay: { body: KioskDisplaySettings, response: responds<KioskDisplaySettings>('KioskDisplaySettings') },

  listStaff: { query: StaffListQuery, response: responds<Page<StaffMember>>('Page<StaffMember>') },
  createStaff: { body: CreateStaffRequest, status: 201, response: responds<StaffCredentialsIssued>('StaffCredentialsIssued') },
  updateStaff: { params: IdParams, body: UpdateStaffRequest, response: responds<StaffMember>('StaffMember') },
  resetStaffPassword: { params: IdParams, response: responds<StaffCredentialsIssued>('StaffCredentialsIssued') },

  listKiosks: { response: responds<KioskSummary[]>('KioskSummary[]') },
  createKiosk: { body: CreateKioskRequest, status: 201, response: responds<KioskRegistered>('KioskRegistered') },
  updateKiosk: { params: IdParams, body: UpdateKioskRequest, response: responds<KioskSummary>('KioskSummary') },
  issuePairingCode: { params: IdParams, response: responds<PairingCode>('PairingCode') },
  issueInstallerCode: { params: IdParams, response: responds<PairingCode>('PairingCode') },
  revokeKiosk: { params: IdParams, response: responds<KioskSummary>('KioskSummary') },

  listAppointments: { query: AppointmentListQuery, response: responds<Page<Appointment>>('Page<Appointment>') },
  createAppointment: { body: CreateAppointmentRequest, status: 201, response: responds<Appointment>('Appointment') },
  checkConflicts: { body: ConflictCheckRequest, response: responds<AppointmentConflictDetails>('AppointmentConflictDetails') },
  getAppointmentRules: { response: responds<AppointmentRules>('AppointmentRules') },
  getAppointment: { params: IdParams, response: responds<AppointmentDetail>('AppointmentDetail') },
  updateAppointment: { params: IdParams, body: UpdateAppointmentRequest, response: responds<Appointment>('Appointment') },
  cancelAppointment: { params: IdParams, body: CancelAppointmentRequest, response: responds<Appointment>('Appointment') },
  appointmentIcs: { params: IdParams, response: responds<FileDownload>('text/calendar') },

  listConsultations: { query: ConsultationListQuery, response: responds<Page<ConsultationListItem>>('Page<ConsultationListItem>') },
  getConsultation: { params: IdParams, response: responds<ConsultationDetail>('ConsultationDetail') },
  getConsultationTranscript: { params: IdParams, response: responds<ConsultationTranscript>('ConsultationTranscript') },
  getCallContext: { params: IdParams, response: responds<CallContext>('CallContext') },
  recordOutcome: { params: IdParams, body: ConsultationOutcomeRequest, response: responds<ConsultationRecord>('ConsultationRecord') },

  createGuestLink: { params: IdParams, body: CreateGuestLinkRequest, status: 201, response: responds<GuestLink>('GuestLink') },
  // The image is the raw body (read by express.raw on that path), checked by the handler.
  uploadSnapshot: { params: IdParams, status: 201, response: responds<SnapshotInfo>('SnapshotInfo') },
  listSnapshots: { params: IdParams, response: responds<SnapshotInfo[]>('SnapshotInfo[]') },
  getSnapshot: { params: IdParams, response: responds<FileDownload>('image/jpeg or image/png') },
  listFormTemplates: { query: FormTemplateListQuery, response: responds<FormTemplate[]>('FormTemplate[]') },
  createFormTemplate: { body: FormTemplateInput, status: 201, response: responds<FormTemplate>('FormTemplate') },
  saveFormTemplateVersion: { params: IdParams, body: FormTemplateInput, status: 201, response: responds<FormTemplate>('FormTemplate') },
  listFormTemplateVersions: { params: IdParams, response: responds<FormTemplate[]>('FormTemplate[]') },
  archiveFormTemplate: { params: IdParams, body: FormTemplateArchive, response: responds<null>('null') },
  getFormSettings: { response: responds<FormSettings>('FormSettings') },
  updateFormSettings: { body: FormSettings, response: responds<FormSettings>('FormSettings') },
  listConsultationForms: { params: IdParams, response: responds<FormDocumentInfo[]>('FormDocumentInfo[]') },
  getFormPdf: { params: IdParams, response: responds<FileDownload>('application/pdf') },
  recordFormCopyPrinted: { params: IdParams, response: responds<null>('null') },
  report: { query: ReportQuery, response: responds<Report>('Report') },
  reportCsv: { query: ReportQuery, response: responds<FileDownload>('text/csv (UTF-8 with BOM)') },
  listQuickPhrases: { response: responds<QuickPhrase[]>('QuickPhrase[]') },
  createQuickPhrase: { body: CreateQuickPhraseRequest, status: 201, response: responds<QuickPhrase>('QuickPhrase') },
  deleteQuickPhrase: { params: IdParams, response: responds<null>('null') },
  operationsOverview: { response: responds<OperationsOverview>('OperationsOverview') },
  listAudit: { query: AuditListQuery, response: responds<Page<AuditEntry>>('Page<AuditEntry>') },

  getBookingRules: { response: responds<BookingRulesView>('BookingRulesView') },
  updateBookingRules: { body: BookingRules, response: responds<BookingRulesView>('BookingRulesView') },
  reissueBookingLink: { params: IdParams, body: NoBody, status: 201, response: responds<{ manageToken: string }>('{ manageToken }') },

  publicBookingOptions: { response: responds<PublicBookingOptions>('PublicBookingOptions') },
  publicFreeTimes: { query: FreeTimeQuery, response: responds<FreeTimes>('FreeTimes') },
  publicBookingChallenge: { response: responds<BookingChallenge>('BookingChallenge') },
  createPublicBooking: { body: PublicBookingRequest, status: 201, response: responds<PublicBookingCreated>('PublicBookingCreated') },
  getPublicBooking: { params: ManageTokenParams, response: responds<PublicBooking>('PublicBooking') },
  movePublicBooking: { params: ManageTokenParams, body: PublicMoveRequest, response: responds<PublicBooking>('PublicBooking') },
  cancelPublicBooking: { params: ManageTokenParams, body: NoBody, response: responds<PublicBooking>('PublicBooking') },
  publicBookingIcs: { params: ManageTokenParams, response: responds<FileDownload>('text/calendar') },

  listApiKeys: { response: responds<ApiKeySummary[]>('ApiKeySummary[]') },
  createApiKey: { body: CreateApiKeyRequest, status: 201, response: responds<ApiKeyIssued>('ApiKeyIssued') },
  revokeApiKey: { params: IdParams, body: NoBody, response: responds<ApiKeySummary>('ApiKeySummary') },
  getWebhookDestinations: { response: responds<WebhookDestinations>('WebhookDestinations') },
  listWebhooks: { response: responds<WebhookEndpoint[]>('WebhookEndpoint[]') },
  createWebhook: { body: CreateWebhookRequest, status: 201, response: responds<WebhookIssued>('WebhookIssued') },
  disableWebhook: { params: IdParams, body: NoBody, response: responds<WebhookEndpoint>('WebhookEndpoint') },
  listWebhookDeliveries: { query: WebhookDeliveryQuery, response: responds<Page<WebhookDelivery>>('Page<WebhookDelivery>') },

  integrationCreateAppointment: { body: IntegrationBookingRequest, status: 201, response: responds<IntegrationAppointmentCreated>('IntegrationAppointmentCreated') },
  integrationGetAppointment: { params: IdParams, response: responds<IntegrationAppointment>('IntegrationAppointment') },
  integrationMoveAppointment: { params: IdParams, body: IntegrationMoveRequest, response: responds<IntegrationAppointment>('IntegrationAppointment') },
  integrationCancelAppointment: { params: IdParams, body: NoBody, response: responds<IntegrationAppointment>('IntegrationAppointment') },
  integrationFreeTimes: { query: FreeTimeQuery, response: responds<FreeTimes>('FreeTimes') },

  openapi: { response: responds<Record<string, unknown>>('OpenAPI 3.1 document') },
} as const satisfies { readonly [K in RouteKey]: RouteSchemas };

type Spec<K extends RouteKey> = (typeof API_SCHEMAS)[K];
type SchemaOf<K extends RouteKey, F extends 'params' | 'query' | 'body'> = Spec<K> extends { readonly [P in F]: infer S extends z.ZodType } ? S : undefined;

/** What the client sends (before defaults and coercions), and what the handler gets once parsed. */
export type RouteParams<K extends RouteKey> = SchemaOf<K, 'params'> extends z.ZodType ? z.input<SchemaOf<K, 'params'>> : Record<string, never>;
export type RouteQuery<K extends RouteKey> = SchemaOf<K, 'query'> extends z.ZodType ? z.input<SchemaOf<K, 'query'>> : Record<string, never>;
export type RouteBody<K extends RouteKey> = SchemaOf<K, 'body'> extends z.ZodType ? z.input<SchemaOf<K, 'body'>> : undefined;
export type ParsedRouteParams<K extends RouteKey> = SchemaOf<K, 'params'> extends z.ZodType ? z.output<SchemaOf<K, 'params'>> : Record<string, never>;
export type ParsedRouteQuery<K extends RouteKey> = SchemaOf<K, 'query'> extends z.ZodType ? z.output<SchemaOf<K, 'query'>> : Record<string, never>;
export type ParsedRouteBody<K extends RouteKey> = SchemaOf<K, 'body'> extends z.ZodType ? z.output<SchemaOf<K, 'body'>> : undefined;
/** The route's answer as the client receives it. */
export type RouteResponse<K extends RouteKey> = Spec<K>['response'] extends Responds<infer T> ? T : never;
/** Routes that answer with JSON (the others answer with a file). */
export type JsonRouteKey = { [K in RouteKey]: RouteResponse<K> extends FileDownload ? never : K }[RouteKey];
export type FileRouteKey = Exclude<RouteKey, JsonRouteKey>;
