import type { DataSource, EntityManager } from 'typeorm';
import type {
  Appointment,
  AppointmentAction,
  AppointmentChange,
  AppointmentNeeds,
  AppointmentResidentDetails,
  AppointmentStatus,
  ConflictingAppointment,
} from '@madoguchi/contract/appointments';
import type { ResidentVisit } from '@madoguchi/contract/call-context';
import type { OutcomeCode } from '@madoguchi/contract/consultation';
import type { Language } from '@madoguchi/contract/languages';
import type { Page } from '@madoguchi/contract/pagination';
import { returnedRows } from '../query-result';

interface AppointmentJoinedRow {
  id: string;
  status: AppointmentStatus;
  department_id: string;
  department_name: string;
  kiosk_id: string;
  kiosk_name: string;
  kiosk_location: string;
  kiosk_address: string;
  staff_id: string | null;
  staff_name: string | null;
  starts_at: Date;
  ends_at: Date;
  resident_name: string;
  resident_kana: string;
  preferred_language: Language;
  needs: AppointmentNeeds;
  topic: string;
  notes: string;
  check_in_code: string;
  session_id: string | null;
  created_at: Date;
  updated_at: Date;
  total?: string;
}

const SELECT_APPOINTMENT = `
  SELECT a.id, a.status, a.department_id, d.name AS department_name, a.kiosk_id, k.name AS kiosk_name,
         k.location AS kiosk_location, k.address AS kiosk_address, a.staff_id, u.display_name AS staff_name,
         a.starts_at, a.ends_at, a.resident_name, a.resident_kana, a.preferred_language, a.needs, a.topic,
         a.notes, a.check_in_code, s.id AS session_id, a.created_at, a.updated_at`;
const FROM_APPOINTMENT = `
    FROM appointment a
    JOIN department d ON d.id = a.department_id
    JOIN kiosk k ON k.id = a.kiosk_id
    LEFT JOIN staff_user u ON u.id = a.staff_id
    LEFT JOIN LATERAL (SELECT cs.id FROM consultation_session cs WHERE cs.appointment_id = a.id
                        ORDER BY cs.queued_at DESC LIMIT 1) s ON true`;

const OPEN_STATUSES: readonly AppointmentStatus[] = ['scheduled', 'checked_in'];

function toAppointment(row: AppointmentJoinedRow): Appointment {
  return {
    id: row.id,
    status: row.status,
    departmentId: row.department_id,
    departmentName: row.department_name,
    kioskId: row.kiosk_id,
    kioskName: row.kiosk_name,
    kioskLocation: row.kiosk_location,
    kioskAddress: row.kiosk_address,
    staffId: row.staff_id,
    staffName: row.staff_name,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    residentName: row.resident_name,
    residentKana: row.resident_kana,
    preferredLanguage: row.preferred_language,
    needs: row.needs,
    topic: row.topic,
    notes: row.notes,
    checkInCode: OPEN_STATUSES.includes(row.status) ? row.check_in_code : null,
    consultationId: row.session_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface AppointmentFields extends AppointmentResidentDetails {
  departmentId: string;
  kioskId: string;
  staffId: string | null;
  startsAt: Date;
  endsAt: Date;
}

const COLUMN_OF: Record<keyof AppointmentFields, string> = {
  departmentId: 'department_id',
  kioskId: 'kiosk_id',
  staffId: 'staff_id',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  residentName: 'resident_name',
  residentKana: 'resident_kana',
  preferredLanguage: 'preferred_language',
  needs: 'needs',
  topic: 'topic',
  notes: 'notes',
};

export interface ChangeInput {
  action: AppointmentAction;
  actorId: string | null;
  fromStatus: AppointmentStatus | null;
  toStatus: AppointmentStatus;
  details?: Record<string, unknown>;
}

export interface AppointmentFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  departmentId?: string | undefined;
  kioskId?: string | undefined;
  staffId?: string | undefined;
  statuses?: AppointmentStatus[] | undefined;
  /** Unset: all (admins). Else the appointments of these departments and those assigned to this member. */
  visibleTo?: { staffId: string; departmentIds: string[] } | undefined;
  page: number;
  pageSize: number;
}

/** Appointment rows and their history. Status changes are conditional on the current status. */
export class AppointmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, fields: AppointmentFields & { checkInCode: string; createdBy: string | null }): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO appointment (department_id, kiosk_id, staff_id, starts_at, ends_at, resident_name, resident_kana,
                                preferred_language, needs, topic, notes, check_in_code, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        fields.departmentId, fields.kioskId, fields.staffId, fields.startsAt, fields.endsAt, fields.residentName,
        fields.residentKana, fields.preferredLanguage, JSON.stringify(fields.needs), fields.topic, fields.notes,
        fields.checkInCode, fields.createdBy,
      ],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('insert returned no id');
    return id;
  }

  async update(manager: EntityManager, id: string, changes: Partial<AppointmentFields>): Promise<void> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [keyof AppointmentFields, unknown][];
    if (entries.length === 0) return;
    const sets = entries.map(([key], i) => `${COLUMN_OF[key]} = $${i + 2}`);
    const values = entries.map(([key, v]) => (key === 'needs' ? JSON.stringify(v) : v));
    await manager.query(`UPDATE appointment SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [id, ...values]);
  }

  /** Moves one appointment from one of `from` to `to`; false if it was in no such state. */
  async transition(manager: EntityManager, id: string, from: readonly AppointmentStatus[], to: AppointmentStatus): Promise<AppointmentStatus | null> {
    const rows: { previous: AppointmentStatus }[] = await manager.query(
      `UPDATE appointment a SET status = $3, updated_at = now()
         FROM (SELECT id, status AS previous FROM appointment WHERE id = $1 FOR UPDATE) old
        WHERE a.id = old.id AND old.previous = ANY($2::appointment_status[])
        RETURNING old.previous`,
      [id, from, to],
    );
    return returnedRows<{ previous: AppointmentStatus }>(rows)[0]?.previous ?? null;
  }

  async lockForUpdate(manager: EntityManager, id: string): Promise<{ status: AppointmentStatus; kioskId: string; staffId: string | null; startsAt: Date; endsAt: Date } | null> {
    const rows: { status: AppointmentStatus; kiosk_id: string; staff_id: string | null; starts_at: Date; ends_at: Date }[] =
      await manager.query(`SELECT status, kiosk_id, staff_id, starts_at, ends_at FROM appointment WHERE id = $1 FOR UPDATE`, [id]);
    const row = rows[0];
    return row ? { status: row.status, kioskId: row.kiosk_id, staffId: row.staff_id, startsAt: row.starts_at, endsAt: row.ends_at } : null;
  }

  async addChange(manager: EntityManager, appointmentId: string, change: ChangeInput): Promise<void> {
    await manager.query(
      `INSERT INTO appointment_change (appointment_id, actor_id, action, from_status, to_status, details)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [appointmentId, change.actorId, change.action, change.fromStatus, change.toStatus, JSON.stringify(change.details ?? {})],
    );
  }

  /** The open appointment a kiosk's code names, locked for the check-in transaction. */
  async findOpenByCode(manager: EntityManager, kioskId: string, code: string): Promise<{ id: string; status: AppointmentStatus; startsAt: Date; endsAt: Date } | null> {
    const rows: { id: string; status: AppointmentStatus; starts_at: Date; ends_at: Date }[] = await manager.query(
      `SELECT id, status, starts_at, ends_at FROM appointment
        WHERE kiosk_id = $1 AND check_in_code = $2 AND status IN ('scheduled', 'checked_in') FOR UPDATE`,
      [kioskId, code],
    );
    const row = rows[0];
    return row ? { id: row.id, status: row.status, startsAt: row.starts_at, endsAt: row.ends_at } : null;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Appointment | null> {
    const rows: AppointmentJoinedRow[] = await manager.query(`${SELECT_APPOINTMENT} ${FROM_APPOINTMENT} WHERE a.id = $1`, [id]);
    return rows[0] ? toAppointment(rows[0]) : null;
  }

  /**
   * The same resident's other appointments, newest first. A resident has no id of their own
   * (no login, no resident number kept), so "the same" means the same name and kana as booked.
   */
  async listForResident(resident: { name: string; kana: string; excludeId: string }, limit = 10): Promise<ResidentVisit[]> {
    // A booking made at a kiosk has no name: matching on '' would show strangers' visits as this resident's history.
    if (resident.name.trim() === '') return [];
    const rows: { id: string; starts_at: Date; department_name: string; status: AppointmentStatus; topic: string; outcome_code: OutcomeCode | null }[] =
      await this.dataSource.query(
        `SELECT a.id, a.starts_at, d.name AS department_name, a.status, a.topic, s.outcome_code
           FROM appointment a
           JOIN department d ON d.id = a.department_id
           LEFT JOIN LATERAL (SELECT cs.outcome_code FROM consultation_session cs WHERE cs.appointment_id = a.id
                               ORDER BY cs.queued_at DESC LIMIT 1) s ON true
          WHERE a.resident_name = $1 AND a.resident_kana = $2 AND a.id <> $3
          ORDER BY a.starts_at DESC LIMIT $4`,
        [resident.name, resident.kana, resident.excludeId, limit],
      );
    return rows.map((r) => ({
      appointmentId: r.id,
      startsAt: r.starts_at.toISOString(),
      departmentName: r.department_name,
      status: r.status,
      topic: r.topic,
      outcomeCode: r.outcome_code,
    }));
  }

  async history(id: string): Promise<AppointmentChange[]> {
    const rows: { at: Date; action: AppointmentAction; actor_name: string | null; actor_kind: AppointmentChange['actorKind'] | null; actor_id: string | null; from_status: AppointmentStatus | null; to_status: AppointmentStatus; details: Record<string, unknown> }[] =
      await this.dataSource.query(
        `SELECT c.at, c.action, u.display_name AS actor_name, c.actor_kind, c.actor_id, c.from_status, c.to_status, c.details
           FROM appointment_change c LEFT JOIN staff_user u ON u.id = c.actor_id
          WHERE c.appointment_id = $1 ORDER BY c.id`,
        [id],
      );
    return rows.map((r) => ({
      at: r.at.toISOString(),
      action: r.action,
      actorName: r.actor_name,
      // Rows from before the booking schema have no kind: a staff id means staff, none the system.
      actorKind: r.actor_kind ?? (r.actor_id ? 'staff' : 'system'),
      fromStatus: r.from_status,
      toStatus: r.to_status,
      details: r.details,
    }));
  }

  async list(filter: AppointmentFilter): Promise<Page<Appointment>> {
    const rows: AppointmentJoinedRow[] = await this.dataSource.query(
      `${SELECT_APPOINTMENT}, count(*) OVER () AS total ${FROM_APPOINTMENT}
        WHERE ($1::timestamptz IS NULL OR a.ends_at > $1)
          AND ($2::timestamptz IS NULL OR a.starts_at < $2)
          AND ($3::uuid IS NULL OR a.department_id = $3)
          AND ($4::uuid IS NULL OR a.kiosk_id = $4)
          AND ($5::uuid IS NULL OR a.staff_id = $5)
          AND ($6::appointment_status[] IS NULL OR a.status = ANY($6))
          AND ($9::uuid IS NULL OR a.staff_id = $9 OR a.department_id = ANY($10::uuid[]))
        ORDER BY a.starts_at, a.id
        LIMIT $7 OFFSET $8`,
      [
        filter.from ?? null, filter.to ?? null, filter.departmentId ?? null, filter.kioskId ?? null,
        filter.staffId ?? null, filter.statuses?.length ? filter.statuses : null, filter.pageSize,
        (filter.page - 1) * filter.pageSize, filter.visibleTo?.staffId ?? null, filter.visibleTo?.departmentIds ?? [],
      ],
    );
    return { items: rows.map(toAppointment), total: Number(rows[0]?.total ?? 0), page: filter.page, pageSize: filter.pageSize };
  }

  /** Live appointments that overlap [startsAt, endsAt) on this kiosk or with this staff member. */
  async conflicts(
    slot: { kioskId: string; staffId: string | null; startsAt: Date; endsAt: Date; excludeId?: string | undefined },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConflictingAppointment[]> {
    const rows: { id: string; on: 'kiosk' | 'staff'; kiosk_name: string; staff_name: string | null; starts_at: Date; ends_at: Date; resident_name: string }[] =
      await manager.query(
        `SELECT a.id, CASE WHEN a.kiosk_id = $1 THEN 'kiosk' ELSE 'staff' END AS on, k.name AS kiosk_name,
                u.display_name AS staff_name, a.starts_at, a.ends_at, a.resident_name
           FROM appointment a JOIN kiosk k ON k.id = a.kiosk_id LEFT JOIN staff_user u ON u.id = a.staff_id
          WHERE a.status NOT IN ('cancelled', 'no_show')
            AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange($3, $4, '[)')
            AND (a.kiosk_id = $1 OR ($2::uuid IS NOT NULL AND a.staff_id = $2))
            AND ($5::uuid IS NULL OR a.id <> $5)
          ORDER BY a.starts_at LIMIT 20`,
        [slot.kioskId, slot.staffId, slot.startsAt, slot.endsAt, slot.excludeId ?? null],
      );
    return rows.map((r) => ({
      id: r.id,
      on: r.on,
      kioskName: r.kiosk_name,
      staffName: r.staff_name,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      residentName: r.resident_name,
    }));
  }

  /** Appointments still checked in or in session although their latest consultation has ended. */
  async orphanedByConsultations(): Promise<{ id: string; status: AppointmentStatus }[]> {
    return this.dataSource.query(
      `SELECT a.id, a.status FROM appointment a
        WHERE a.status IN ('checked_in', 'in_session')
          AND NOT EXISTS (SELECT 1 FROM consultation_session s WHERE s.appointment_id = a.id AND s.ended_at IS NULL)`,
    );
  }

  /** Scheduled appointments whose start is more than the grace period ago become no-shows. */
  async markNoShows(before: Date): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string }[] = returnedRows(
        await manager.query(
          `UPDATE appointment SET status = 'no_show', updated_at = now()
            WHERE status = 'scheduled' AND starts_at < $1 RETURNING id`,
          [before],
        ),
      );
      for (const { id } of rows) {
        await this.addChange(manager, id, { action: 'no_show', actorId: null, fromStatus: 'scheduled', toStatus: 'no_show' });
      }
      return rows.map((r) => r.id);
    });
  }
}
