import type { Appointment } from '@madoguchi/contract/appointments';
import type { BookedResident, CallContext } from '@madoguchi/contract/call-context';
import type { ConsultationListItem, OutcomeCode, ConsultationDetail, ConsultationEvent, ConsultationListQuery, ConsultationRecord } from '@madoguchi/contract/consultation';
import { endOfJapanDay, startOfJapanDay } from '@madoguchi/contract/japan-time';
import type { Page } from '@madoguchi/contract/pagination';
import type { z } from 'zod';
import type { AppointmentRepository } from '../db/repositories/appointment-repository';
import type { ConsultationTranscript } from '@madoguchi/contract/captions';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import type { CaptionTranscriptRepository } from '../db/repositories/caption-transcript-repository';
import type { ConsultationEventRepository } from '../db/repositories/consultation-event-repository';
import type { ConsultationRepository } from '../db/repositories/consultation-repository';
import type { DepartmentRepository } from '../db/repositories/department-repository';
import type { StaffUserRepository } from '../db/repositories/staff-user-repository';
import { AppError } from './app-error';

/** The member reading the records. */
export interface RecordReader {
  staffId: string;
  role: 'staff' | 'admin';
}

export interface ConsultationRecordsOptions {
  consultations: ConsultationRepository;
  consultationEvents: ConsultationEventRepository;
  appointments: AppointmentRepository;
  staff: StaffUserRepository;
  departments: DepartmentRepository;
  audit: AuditLogRepository;
  transcripts: CaptionTranscriptRepository;
}

type Scope = { staffId: string; departmentIds: string[] } | undefined;

const toBookedResident = (a: Appointment): BookedResident => ({
  appointmentId: a.id,
  name: a.residentName,
  kana: a.residentKana,
  needs: a.needs,
  topic: a.topic,
  notes: a.notes,
  startsAt: a.startsAt,
  endsAt: a.endsAt,
});

/**
 * Consultation records after the call, and who may read and complete them: admins see all;
 * staff see their departments', the general counter's, and the ones they handled. The
 * resident's booking is for the member who answered (and admins). Reading a record, reading a
 * booking in a call and recording an outcome are audited here.
 */
export class ConsultationRecords {
  constructor(private readonly options: ConsultationRecordsOptions) {}

  async list(reader: RecordReader, query: z.output<typeof ConsultationListQuery>): Promise<Page<ConsultationListItem>> {
    return this.options.consultations.list({
      ...query,
      from: query.from ? startOfJapanDay(query.from) : undefined,
      to: query.to ? endOfJapanDay(query.to) : undefined,
      visibleTo: await this.scopeOf(reader),
    });
  }

  async detail(reader: RecordReader, id: string): Promise<ConsultationDetail> {
    const record = await this.visibleRecord(reader, id);
    await this.options.audit.record({ actorKind: 'staff', actorId: reader.staffId, action: 'session_viewed', targetType: 'session', targetId: id });
    const events = await this.options.consultationEvents.listFor(id);
    return { ...record, events, names: await this.namesIn(events), legs: await this.options.consultations.legsOf(record.id) };
  }

  /** The caption text kept with the resident's consent; read under the record's own rule, audited when there is text. */
  async transcript(reader: RecordReader, id: string): Promise<ConsultationTranscript> {
    await this.visibleRecord(reader, id);
    const kept = await this.options.transcripts.find(id);
    if (!kept) return { kept: false, consentedAt: null, lines: [] };
    await this.options.audit.record({ actorKind: 'staff', actorId: reader.staffId, action: 'caption_transcript_viewed', targetType: 'session', targetId: id, details: { lines: kept.lines.length } });
    return { kept: true, consentedAt: kept.consentedAt, lines: kept.lines };
  }

  async callContext(reader: RecordReader, id: string): Promise<CallContext> {
    const record = await this.options.consultations.findById(id);
    if (!record || (reader.role !== 'admin' && record.staffId !== reader.staffId)) throw AppError.notFound('consultation');
    const { appointments } = this.options;
    const appointment = record.appointmentId ? await appointments.findById(record.appointmentId) : null;
    await this.options.audit.record({ actorKind: 'staff', actorId: reader.staffId, action: 'call_context_viewed', targetType: 'session', targetId: id });
    return {
      consultationId: record.id,
      kind: record.kind,
      departmentName: record.departmentName,
      kioskName: record.kioskName,
      kioskLocation: record.kioskLocation,
      language: record.language,
      resident: appointment ? toBookedResident(appointment) : null,
      history: appointment
        ? await appointments.listForResident({ name: appointment.residentName, kana: appointment.residentKana, excludeId: appointment.id })
        : [],
    };
  }

  async recordOutcome(reader: RecordReader, id: string, outcomeCode: OutcomeCode, notes: string): Promise<ConsultationRecord> {
    const record = await this.visibleRecord(reader, id);
    if (reader.role !== 'admin' && record.staffId !== reader.staffId) {
      throw AppError.forbidden('only the member who handled the consultation, or an admin, can record its outcome');
    }
    if (!(await this.options.consultations.recordOutcome(id, outcomeCode, notes))) {
      throw AppError.invalidState('a consultation nobody answered has no outcome');
    }
    await this.options.audit.record({
      actorKind: 'staff',
      actorId: reader.staffId,
      action: 'session_outcome_recorded',
      targetType: 'session',
      targetId: id,
      details: { outcomeCode },
    });
    const updated = await this.options.consultations.findById(id);
    if (!updated) throw AppError.notFound('consultation');
    return updated;
  }

  private async scopeOf(reader: RecordReader): Promise<Scope> {
    return reader.role === 'admin' ? undefined : { staffId: reader.staffId, departmentIds: await this.options.staff.departmentIdsOf(reader.staffId) };
  }

  /** Not found (rather than forbidden) outside the reader's scope: a record's existence is not told. */
  private async visibleRecord(reader: RecordReader, id: string): Promise<ConsultationRecord> {
    const record = await this.options.consultations.findById(id);
    const scope = await this.scopeOf(reader);
    const visible = record && (!scope || record.staffId === scope.staffId || record.departmentId === null || scope.departmentIds.includes(record.departmentId));
    if (!record || !visible) throw AppError.notFound('consultation');
    return record;
  }

  /** Display names of the members and departments an event timeline mentions. */
  private async namesIn(events: readonly ConsultationEvent[]): Promise<Record<string, string>> {
    const names: Record<string, string> = {};
    const idsOf = (key: string) => new Set(events.map((e) => e.details[key]).filter((v): v is string => typeof v === 'string'));
    for (const id of idsOf('staffId')) {
      const member = await this.options.staff.findById(id);
      if (member) names[id] = member.displayName;
    }
    for (const id of idsOf('departmentId')) {
      const department = await this.options.departments.findById(id);
      if (department) names[id] = department.name;
    }
    return names;
  }
}
