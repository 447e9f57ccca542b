import type { BookingPolicy, FreeTime, FreeTimeDay, PublicBookingOptions } from '@madoguchi/contract/booking';
import type { KioskBookingOffer } from '@madoguchi/contract/kiosk-booking';
import type { BookingRuleRepository } from '../db/repositories/booking-rule-repository';
import type { DepartmentRepository } from '../db/repositories/department-repository';
import type { KioskRepository } from '../db/repositories/kiosk-repository';
import { AppError } from './app-error';
import { addDays, computeFreeTimes } from './free-time-search';
import { endOfJapanDay, japanDayOf } from '@madoguchi/contract/japan-time';

export interface FreeTimeServiceOptions {
  rules: BookingRuleRepository;
  departments: DepartmentRepository;
  kiosks: KioskRepository;
  now: () => Date;
}

export interface FreeTimeRequest {
  departmentId: string;
  topicId: string;
  kioskId: string;
  from?: string | undefined;
  days: number;
  /** A booking being moved does not collide with itself. */
  excludeId?: string | undefined;
}

/** What the slot search needs about a department, topic and kiosk, once checked to be bookable. */
export interface BookableTarget {
  departmentId: string;
  kioskId: string;
  topicId: string;
  topicName: string;
  slotMinutes: number;
}

/** Free times by the booking rules; the same answer the database will give when the booking is written. */
export class FreeTimeService {
  constructor(private readonly options: FreeTimeServiceOptions) {}

  async publicOptions(): Promise<PublicBookingOptions> {
    const [view, departments, kiosks] = await Promise.all([this.options.rules.view(), this.options.departments.list({ includeInactive: false }), this.options.kiosks.listSummaries()]);
    const today = japanDayOf(this.options.now());
    const last = addDays(today, view.policy.horizonDays);
    const bookableKiosks = new Map(view.kiosks.filter((k) => k.bookable).map((k) => [k.kioskId, k]));
    return {
      departments: view.departments
        .filter((rule) => rule.bookable && rule.topics.length > 0)
        .flatMap((rule) => {
          const department = departments.find((d) => d.id === rule.departmentId && d.active);
          return department ? [{ id: department.id, name: department.name, nameTranslations: department.nameTranslations, topics: rule.topics }] : [];
        }),
      kiosks: kiosks.flatMap((kiosk) => {
        const hours = bookableKiosks.get(kiosk.id);
        return hours && kiosk.active ? [{ id: kiosk.id, name: kiosk.name, location: kiosk.location, address: kiosk.address, hours: hours.hours }] : [];
      }),
      policy: { horizonDays: view.policy.horizonDays, leadMinutes: view.policy.leadMinutes, changeCutoffMinutes: view.policy.changeCutoffMinutes },
      blockedDays: view.blockedDays.map((b) => b.day).filter((day) => day >= today && day <= last),
    };
  }

  /** 「この窓口で予約する」: what this kiosk may book, when 設定 → 予約枠 makes it bookable (else nothing). */
  async kioskOffers(kioskId: string): Promise<KioskBookingOffer[]> {
    const options = await this.publicOptions();
    if (!options.kiosks.some((k) => k.id === kioskId)) return [];
    return options.departments.map((d) => ({ departmentId: d.id, topics: d.topics }));
  }

  /** The department, topic and kiosk must all be bookable; anything else reads as "not found" to the public. */
  async target(request: { departmentId: string; topicId: string; kioskId: string }): Promise<BookableTarget> {
    const topic = await this.options.rules.findTopic(request.topicId);
    if (!topic?.active || topic.departmentId !== request.departmentId) throw AppError.notFound('topic');
    return { departmentId: request.departmentId, kioskId: request.kioskId, topicId: topic.id, topicName: topic.name, slotMinutes: topic.slotMinutes };
  }

  async search(request: FreeTimeRequest, slotMinutes?: number): Promise<FreeTimeDay[]> {
    const minutes = slotMinutes ?? (await this.target(request)).slotMinutes;
    const [rule, kiosk, policy] = await Promise.all([
      this.options.rules.departmentRule(request.departmentId),
      this.options.rules.kioskHours(request.kioskId),
      this.options.rules.policy(),
    ]);
    if (!rule?.bookable) throw AppError.notFound('department');
    if (!kiosk?.bookable) throw AppError.notFound('kiosk');
    const now = this.options.now().getTime();
    const today = japanDayOf(new Date(now));
    const lastDay = addDays(today, policy.horizonDays);
    const first = request.from && request.from > today ? request.from : today;
    const days: string[] = [];
    for (let i = 0; i < request.days; i += 1) {
      const day = addDays(first, i);
      if (day > lastDay) break;
      days.push(day);
    }
    if (days.length === 0) return [];
    const rangeStart = new Date(`${days[0]}T00:00:00+09:00`);
    const rangeEnd = endOfJapanDay(days[days.length - 1] ?? first);
    const [blockedDays, spans] = await Promise.all([
      this.options.rules.blockedDaysBetween(days[0] ?? first, lastDay),
      this.options.rules.liveSpans({ kioskId: request.kioskId, departmentId: request.departmentId, from: rangeStart, to: rangeEnd, excludeId: request.excludeId }),
    ]);
    return computeFreeTimes({
      days,
      departmentId: request.departmentId,
      kioskId: request.kioskId,
      departmentHours: rule.hours,
      kioskHours: kiosk.hours,
      capacity: rule.capacity,
      slotMinutes: minutes,
      blockedDays,
      earliest: now + policy.leadMinutes * 60_000,
      latest: endOfJapanDay(lastDay).getTime(),
      spans,
    });
  }

  /** Is this exact start offered? (A booking must be one of the offered times, nothing in between.) */
  async isFree(target: BookableTarget, startsAt: Date, excludeId?: string): Promise<boolean> {
    const day = japanDayOf(startsAt);
    const days = await this.search({ ...target, from: day, days: 1, excludeId }, target.slotMinutes);
    return days[0]?.day === day && days[0].times.some((t) => Date.parse(t.startsAt) === startsAt.getTime());
  }

  /** The next few free times from a given instant on, to offer when a time was taken meanwhile. */
  async nextFree(target: BookableTarget, after: Date, count = 5, excludeId?: string): Promise<FreeTime[]> {
    const days = await this.search({ ...target, from: japanDayOf(after), days: 14, excludeId }, target.slotMinutes);
    return days
      .flatMap((d) => d.times)
      .filter((t) => Date.parse(t.startsAt) >= after.getTime())
      .slice(0, count);
  }

  policy(): Promise<BookingPolicy> {
    return this.options.rules.policy();
  }
}
