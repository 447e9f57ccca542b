import { useState } from 'react';
import { downloadAppointmentIcs } from '../../api/appointments-api';
import { saveFile } from '../../api/save-file';
import { hrefFor } from '../../app/routes';
import { Notice } from '../../components/notice';
import { useApi } from '../../hooks/use-api';
import { appointmentMessages } from '../../i18n/appointment-messages';

/** Print the check-in slip, or hand the resident's appointment to a calendar app. */
export function AppointmentFileActions({ appointmentId, canPrint }: { appointmentId: string; canPrint: boolean }) {
  const { run } = useApi();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const downloadIcs = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const file = await run((options) => downloadAppointmentIcs(appointmentId, options));
      saveFile(file.blob, file.fileName ?? `appointment-${appointmentId.slice(0, 8)}.ics`);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="file-actions">
      {canPrint ? (
        <a className="button button--secondary" href={hrefFor({ name: 'slip', appointmentId })}>
          {appointmentMessages.printSlip}
        </a>
      ) : null}
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void downloadIcs()}>
        {appointmentMessages.downloadIcs}
      </button>
      {failed ? <Notice tone="error" text={appointmentMessages.downloadFailed} /> : null}
    </div>
  );
}
