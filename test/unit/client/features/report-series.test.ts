import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportRow } from '@madoguchi/contract/reports';
import { niceMax } from '../../../../client/src/components/chart-scale';
import {
  periodStarts,
  reportFormFromQuery,
  reportRangeProblem,
  consultationsPerPeriod,
} from '../../../../client/src/features/reports/report-series';

const row = (period: string, consultations: number, groupId: string | null = null) => ({ period, consultations, groupId }) as ReportRow;

describe('report series', () => {
  it('defaults to the last 30 Japan days, per day, not broken down', () => {
    assert.deepEqual(reportFormFromQuery({}, '2026-11-24'), { from: '2026-10-26', to: '2026-11-24', granularity: 'day', groupBy: 'none' });
    assert.equal(reportFormFromQuery({ granularity: 'year', groupBy: 'kiosk' }, '2026-11-24').granularity, 'day');
  });

  it('refuses reversed ranges and more than 366 days, like the contract', () => {
    assert.equal(reportRangeProblem({ from: '2026-11-24', to: '2026-11-23' }), 'invalidRange');
    assert.equal(reportRangeProblem({ from: '2025-01-01', to: '2026-01-03' }), 'tooLong');
    assert.equal(reportRangeProblem({ from: '2025-01-01', to: '2026-01-02' }), null);
  });

  it('periodStarts() names days, Monday weeks and first-of-month months', () => {
    assert.deepEqual(periodStarts('2026-11-27', '2026-11-30', 'day'), ['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30']);
    assert.deepEqual(periodStarts('2026-11-26', '2026-12-08', 'week'), ['2026-11-23', '2026-11-30', '2026-12-07']);
    assert.deepEqual(periodStarts('2026-11-15', '2027-02-01', 'month'), ['2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01']);
  });

  it('consultationsPerPeriod() sums groups and fills empty periods with zero', () => {
    const rows = [row('2026-11-02', 3, 'a'), row('2026-11-02', 2, 'b'), row('2026-11-04', 1, 'a')];
    assert.deepEqual(consultationsPerPeriod(rows, { from: '2026-11-02', to: '2026-11-04', granularity: 'day' }), [
      { period: '2026-11-02', consultations: 5 },
      { period: '2026-11-03', consultations: 0 },
      { period: '2026-11-04', consultations: 1 },
    ]);
  });

  it('niceMax() rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    assert.deepEqual([0, 1, 3, 7, 10, 11, 26, 180].map(niceMax), [1, 1, 5, 10, 10, 20, 50, 200]);
  });
});
