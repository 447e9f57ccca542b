import type { KioskBookingCreated } from '@madoguchi/contract/kiosk-booking';
import { BigButton } from '../components/big-button';
import { ScreenFrame } from '../components/screen-frame';
import { useMessages } from '../visit/use-messages';

export interface BookedScreenProps {
  booking: KioskBookingCreated;
  /** The department in the resident's language. */
  departmentName: string;
  onFinish: () => void;
}

/**
 * Booked at this kiosk: the time, the check-in code in large digits and its QR (the kiosk reads
 * it back on the day, like a slip's). It leaves the screen with 「おわる」 or, if the resident
 * walks away, with the idle warning like any choosing screen.
 */
export function BookedScreen({ booking, departmentName, onFinish }: BookedScreenProps) {
  const messages = useMessages();
  const texts = messages.bookHere;
  const startsAt = new Date(booking.startsAt);
  return (
    <ScreenFrame name="booked">
      <h1 className="screen__title">{texts.doneTitle}</h1>
      <p className="book-here__when">
        <span className="book-here__context">{departmentName}</span> {texts.when(messages.clock.date(startsAt), messages.clock.time(startsAt))}
      </p>
      <div className="booked__body">
        <div className="booked__text">
          <p className="booked__code-label">{texts.codeLabel}</p>
          <p className="booked__code-digits" aria-label={`${texts.codeLabel}: ${booking.checkInCode.split('').join(' ')}`}>
            {booking.checkInCode}
          </p>
          <p className="booked__lead">{texts.codeLead}</p>
          <p className="booked__lead">{texts.dayOfLead}</p>
        </div>
        <img className="booked__qr" alt={texts.qrLabel} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(booking.checkInQrSvg)}`} />
      </div>
      <BigButton onClick={onFinish}>
        {texts.finish}
      </BigButton>
    </ScreenFrame>
  );
}
