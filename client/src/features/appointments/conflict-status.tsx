import type { ConflictingAppointment } from '@madoguchi/contract/appointments';
import { appointmentMessages } from '../../i18n/appointment-messages';
import { ConflictList } from './conflict-list';
import type { ConflictCheck } from './use-conflict-check';

const texts = appointmentMessages.conflicts;

/** The live overlap check's answer, or the server's refusal after a save. */
export function ConflictStatus({ check, refusedBy }: { check: ConflictCheck; refusedBy: readonly ConflictingAppointment[] | null }) {
  // A 409 that names no booking: the department's specialists are all booked then (its capacity), not one overlap.
  if (refusedBy?.length === 0) {
    return (
      <div className="notice notice--error conflicts" role="alert">
        <p className="notice__text conflicts__heading">{texts.departmentFull}</p>
      </div>
    );
  }
  if (refusedBy) return <ConflictList heading={texts.savedHeading} conflicts={refusedBy} urgent />;
  switch (check.status) {
    case 'idle':
      return null;
    case 'checking':
      return (
        <p className="conflict-status" role="status">
          {texts.checking}
        </p>
      );
    case 'failed':
      return (
        <p className="conflict-status" role="status">
          {texts.checkFailed}
        </p>
      );
    case 'done':
      return check.conflicts.length > 0 ? (
        <ConflictList heading={texts.heading(check.conflicts.length)} conflicts={check.conflicts} />
      ) : (
        <p className="conflict-status conflict-status--ok" role="status">
          {texts.none}
        </p>
      );
  }
}
