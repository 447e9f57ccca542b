import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../auth/passwords';
import { newCheckInCode } from '../../domain/check-in-code';
import { japanDayOf, japanWeekdayOf, startOfJapanDay } from '@madoguchi/contract/japan-time';
import { DEFAULT_BOOKING_POLICY, type OpeningInterval } from '@madoguchi/contract/booking';
import { createLogger } from '../../logging/logger';
import type { Repositories } from '../../app';
import { BookingRuleRepository } from '../repositories/booking-rule-repository';
import { DEMO_KIOSK_NAME, DEMO_STAFF_LOGIN } from './demo-seed';

const log = createLogger('demo-data');

export const DEMO_DEPARTMENTS = [
  { code: 'kosodate', name: '子育て支援課', icon: 'child', nameTranslations: { 'ja-easy': 'こそだて', en: 'Child-care support', zh: '育儿支援科', ko: '육아지원과', vi: 'Hỗ trợ nuôi con', pt: 'Apoio à criação de filhos', es: 'Apoyo a la crianza' } },
  { code: 'fukushi', name: '福祉課', icon: 'welfare', nameTranslations: { 'ja-easy': 'ふくし', en: 'Welfare', zh: '福利科', ko: '복지과', vi: 'Phúc lợi', pt: 'Bem-estar social', es: 'Bienestar social' } },
  { code: 'zeimu', name: '税務課', icon: 'tax', nameTranslations: { 'ja-easy': 'ぜいきん', en: 'Taxes', zh: '税务科', ko: '세무과', vi: 'Thuế', pt: 'Impostos', es: 'Impuestos' } },
  { code: 'hoken-nenkin', name: '保険年金課', icon: 'pension', nameTranslations: { 'ja-easy': 'ほけん・ねんきん', en: 'Insurance and pensions', zh: '保险年金科', ko: '보험연금과', vi: 'Bảo hiểm và lương hưu', pt: 'Seguro e pensão', es: 'Seguros y pensiones' } },
  { code: 'shimin', name: '市民課', icon: 'resident', nameTranslations: { 'ja-easy': 'じゅうみんの てつづき', en: 'Resident registration', zh: '市民科', ko: '시민과', vi: 'Đăng ký cư trú', pt: 'Registro de residentes', es: 'Registro de residentes' } },
] as const;

/**
 * 設定 → 予約枠 of the demo town, so /book/ has something to offer right after `npm start`:
 * two departments with their topics, weekdays 9:00–17:00 at every demo kiosk.
 */
const DEMO_BOOKABLE: readonly { code: string; capacity: number; topics: readonly { name: string; en: string; slotMinutes: number }[] }[] = [
  { code: 'kosodate', capacity: 2, topics: [{ name: '児童手当の申請', en: 'Child allowance', slotMinutes: 30 }, { name: '保育園の入園', en: 'Nursery school admission', slotMinutes: 30 }] },
  { code: 'zeimu', capacity: 1, topics: [{ name: '住民税の相談', en: 'Resident tax', slotMinutes: 30 }] },
];
const WEEKDAYS_9_TO_5: OpeningInterval[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '17:00' }));

const EXTRA_KIOSKS = [
  { name: '北支所 相談ブース', location: '北支所 2階', address: '北町3-2-1' },
  { name: '南コミュニティセンター', location: '南コミュニティセンター 1階ロビー', address: '南町1-8-5' },
];

const EXTRA_STAFF = [
  { loginId: 'sato', displayName: '佐藤 由美', departments: ['kosodate', 'fukushi'], languages: ['ja', 'en'] },
  { loginId: 'suzuki', displayName: '鈴木 健一', departments: ['zeimu'], languages: ['ja'] },
  { loginId: 'nguyen', displayName: 'グエン・ミン', departments: ['hoken-nenkin', 'shimin'], languages: ['ja', 'vi', 'en'] },
] as const;

const RESIDENTS = [
  ['山田 太郎', 'ヤマダ タロウ'], ['田中 花子', 'タナカ ハナコ'], ['高橋 一郎', 'タカハシ イチロウ'], ['伊藤 さくら', 'イトウ サクラ'],
  ['渡辺 誠', 'ワタナベ マコト'], ['中村 美咲', 'ナカムラ ミサキ'], ['小林 翔', 'コバヤシ ショウ'], ['Silva Ana', 'シルバ アナ'],
  ['Tran Van Nam', 'チャン バン ナム'], ['李 明', 'リ メイ'],
] as const;

const TOPICS = ['児童手当の申請', '介護保険の相談', '住民税の納付', '国民年金の免除', '転入の手続き', '保育園の入園'];

/**
 * A realistic first look for `npm start` on an empty database: departments, three kiosks,
 * staff, this week's appointments and two weeks of past consultations. Runs only when there
 * are no departments yet, so it never touches a town's real data.
 */
export async function seedDemoData(dataSource: DataSource, repositories: Repositories, staffPassword: string, now = new Date()): Promise<boolean> {
  if ((await repositories.departments.list({ includeInactive: true })).length > 0) return false;
  const departmentIds = new Map<string, string>();
  for (const d of DEMO_DEPARTMENTS) {
    const created = await repositories.departments.create({ ...d, nameTranslations: { ...d.nameTranslations } });
    departmentIds.set(d.code, created.id);
  }
  const allDepartments = [...departmentIds.values()];

  const demoStaff = await repositories.staff.findByLoginIdWithHash(DEMO_STAFF_LOGIN);
  if (demoStaff) await repositories.staff.update(demoStaff.id, { departmentIds: allDepartments, languages: ['ja', 'en'] });
  const staffIds: string[] = demoStaff ? [demoStaff.id] : [];
  for (const s of EXTRA_STAFF) {
    if (await repositories.staff.findByLoginIdWithHash(s.loginId)) continue;
    const created = await repositories.staff.create({
      loginId: s.loginId,
      displayName: s.displayName,
      role: 'staff',
      passwordHash: await hashPassword(staffPassword),
      languages: [...s.languages],
      departmentIds: s.departments.map((code) => departmentIds.get(code) ?? ''),
    });
    staffIds.push(created.id);
  }

  const demoKiosk = await repositories.kiosks.findByName(DEMO_KIOSK_NAME);
  const kioskIds: string[] = demoKiosk ? [demoKiosk.id] : [];
  for (const k of EXTRA_KIOSKS) kioskIds.push((await repositories.kiosks.create({ ...k, credentialHash: null })).id);

  const demoAdmin = await repositories.staff.findByLoginIdWithHash('demo-admin');
  if (demoAdmin) {
    await new BookingRuleRepository(dataSource).save(
      {
        policy: { ...DEFAULT_BOOKING_POLICY },
        departments: DEMO_BOOKABLE.map((d) => ({
          departmentId: departmentIds.get(d.code) ?? '',
          bookable: true,
          capacity: d.capacity,
          hours: WEEKDAYS_9_TO_5,
          topics: d.topics.map((t) => ({ name: t.name, nameTranslations: { en: t.en }, slotMinutes: t.slotMinutes })),
        })),
        kiosks: kioskIds.map((kioskId) => ({ kioskId, bookable: true, hours: WEEKDAYS_9_TO_5 })),
        blockedDays: [],
      },
      demoAdmin.id,
      now,
    );
  }

  const today = japanDayOf(now);
  const dayStart = (offset: number): Date => new Date(startOfJapanDay(today).getTime() + offset * 86_400_000);
  const isWeekend = (date: Date): boolean => [0, 6].includes(japanWeekdayOf(date));
  const pick = <T>(list: readonly T[]): T => list[randomInt(0, list.length)] as T;

  await dataSource.transaction(async (manager) => {
    // Past two weeks: consultations (walk-in and booked) with plausible waits, lengths and ratings.
    for (let offset = -14; offset < 0; offset += 1) {
      const base = dayStart(offset);
      if (isWeekend(base)) continue;
      for (const [index, kioskId] of kioskIds.entries()) {
        for (let n = 0; n < 4 - index; n += 1) {
          const departmentCode = pick(DEMO_DEPARTMENTS).code;
          const departmentId = departmentIds.get(departmentCode) ?? null;
          const staffId = pick(staffIds);
          const booked = n % 2 === 0;
          // Booked residents come a few minutes before their fixed slot (09:00, 13:00); walk-ins any time.
          const slotStart = new Date(base.getTime() + (9 + 2 * n) * 3_600_000);
          const queuedAt = booked
            ? new Date(slotStart.getTime() - randomInt(0, 10) * 60_000)
            : new Date(base.getTime() + (9 * 60 + randomInt(0, 7 * 60)) * 60_000);
          const waitSeconds = randomInt(20, 600);
          const answered = randomInt(0, 10) > 0;
          const answeredAt = answered ? new Date(queuedAt.getTime() + waitSeconds * 1000) : null;
          const endedAt = answeredAt ? new Date(answeredAt.getTime() + randomInt(300, 1800) * 1000) : new Date(queuedAt.getTime() + waitSeconds * 1000);
          let appointmentId: string | null = null;
          if (booked) {
            const rows: { id: string }[] = await manager.query(
              `INSERT INTO appointment (status, department_id, kiosk_id, staff_id, starts_at, ends_at, resident_name, resident_kana,
                                        needs, topic, check_in_code)
               VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, '{"interpreter":false,"hearingSupport":false,"wheelchair":false,"other":""}', $8, $9)
               RETURNING id`,
              [answered ? 'completed' : 'scheduled', departmentId, kioskId, slotStart, new Date(slotStart.getTime() + 30 * 60_000),
                ...pick(RESIDENTS), pick(TOPICS), newCheckInCode()],
            );
            appointmentId = rows[0]?.id ?? null;
          }
          await manager.query(
            `INSERT INTO consultation_session (kiosk_id, staff_id, queued_at, answered_at, ended_at, end_reason, department_id,
                                               appointment_id, outcome_code, satisfaction)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [kioskId, answered ? staffId : null, queuedAt, answeredAt, endedAt, answered ? 'completed' : 'resident_left', departmentId,
              appointmentId, answered ? pick(['resolved', 'resolved', 'follow_up', 'documents_needed']) : null,
              answered && randomInt(0, 3) > 0 ? pick([3, 4, 4, 5, 5, 5]) : null],
          );
        }
        // A booking nobody came to.
        await manager.query(
          `INSERT INTO appointment (status, department_id, kiosk_id, starts_at, ends_at, resident_name, resident_kana, check_in_code)
           VALUES ('no_show', $1, $2, $3, $4, $5, $6, $7)`,
          [pick(allDepartments), kioskId, new Date(base.getTime() + 16.5 * 3_600_000), new Date(base.getTime() + 17 * 3_600_000), ...pick(RESIDENTS), newCheckInCode()],
        );
      }
    }
  });
  // Past appointments that became consultations would collide with nothing; scheduled ones above were
  // unanswered attempts and have since become no-shows.
  await dataSource.query(`UPDATE appointment SET status = 'no_show' WHERE status = 'scheduled' AND starts_at < $1`, [startOfJapanDay(today)]);

  // This week: bookings every hour from 10:00 on weekdays, through the service so codes and history are real.
  for (let offset = 0; offset < 7; offset += 1) {
    const base = dayStart(offset);
    if (isWeekend(base)) continue;
    for (const [index, kioskId] of kioskIds.entries()) {
      for (const hour of [10, 11, 13, 14, 15].slice(0, 5 - index)) {
        const startsAt = new Date(base.getTime() + (hour * 60 + index * 15) * 60_000);
        if (startsAt < now) continue;
        const [residentName, residentKana] = pick(RESIDENTS);
        const rows: { id: string }[] = await dataSource.query(
          `INSERT INTO appointment (department_id, kiosk_id, staff_id, starts_at, ends_at, resident_name, resident_kana,
                                    preferred_language, needs, topic, check_in_code)
           VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [pick(allDepartments), kioskId, startsAt, new Date(startsAt.getTime() + 30 * 60_000), residentName, residentKana,
            residentName.includes('Tran') ? 'vi' : residentName.includes('Silva') ? 'pt' : 'ja',
            JSON.stringify({ interpreter: residentName.includes('Tran'), hearingSupport: hour === 14, wheelchair: false, other: '' }),
            pick(TOPICS), newCheckInCode()],
        ).catch(() => []);
        const id = rows[0]?.id;
        if (id) {
          await dataSource.query(
            `INSERT INTO appointment_change (appointment_id, action, to_status, details) VALUES ($1, 'created', 'scheduled', '{"source":"demo"}')`,
            [id],
          );
        }
      }
    }
  }
  log.info('demo data seeded');
  return true;
}
