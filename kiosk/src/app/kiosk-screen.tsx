import { lazy, Suspense, useCallback, useEffect } from 'react';
import { htmlLangFor } from '../i18n/messages';
import { BookHereScreen } from '../screens/book-here-screen';
import { BookedScreen } from '../screens/booked-screen';
import { CheckInScreen } from '../screens/check-in-screen';
import { EndedScreen } from '../screens/ended-screen';
import { FaultScreen } from '../screens/fault-screen';
import { IdleScreen } from '../screens/idle-screen';
import { InCallScreen } from '../screens/in-call-screen';
import { MediaFailedScreen } from '../screens/media-failed-screen';
import { PairingScreen } from '../screens/pairing-screen';
import { StartScreen } from '../screens/start-screen';
import { StartingScreen } from '../screens/starting-screen';
import { SurveyScreen } from '../screens/survey-screen';
import { WaitingScreen } from '../screens/waiting-screen';
import { WalkInScreen } from '../screens/walk-in-screen';
import { departmentLabel, selectableDepartments } from '../session/department-label';
import { useKioskController } from '../session/use-kiosk-controller';
import { useKioskSnapshot } from '../session/use-kiosk-snapshot';
import { KioskChrome } from './kiosk-chrome';

/**
 * The form review (書かない窓口) is a chunk of its own: it brings the form schemas (zod) and the
 * signature pad, which the idle screen and most calls never need (issue 16's first-load budget).
 */
const FormReviewOverlay = lazy(() => import('../screens/form-review').then((module) => ({ default: module.FormReviewOverlay })));

export interface KioskScreenProps {
  /** Leaves a pairing screen opened with `#pair` and starts again with the stored credential. */
  onLeavePairing: () => void;
}

/** Exactly one screen per kiosk state. */
export function KioskScreens({ onLeavePairing }: KioskScreenProps) {
  const session = useKioskController();
  const { state, kiosk, config, call, language, extras, forms } = useKioskSnapshot();
  // Stable, so the call screen asks for the captions once per (re)join, not on every render.
  const loadCaptions = useCallback(() => void session.inCall?.loadCaptions(), [session]);
  const loadFreeDays = useCallback((topicId: string, from: string) => session.bookHereFreeTimes(topicId, from), [session]);
  const departmentName = (id: string): string | null => {
    const department = config?.departments.find((d) => d.id === id);
    return department ? departmentLabel(department, language) : null;
  };

  useEffect(() => {
    document.documentElement.lang = htmlLangFor(language);
    // やさしい日本語 shares lang="ja" but wraps differently (kiosk.css).
    document.documentElement.dataset['language'] = language;
  }, [language]);

  switch (state.name) {
    case 'starting':
      return <StartingScreen />;
    case 'pairing':
      return (
        <PairingScreen
          reason={state.reason}
          submitting={state.submitting}
          error={state.error}
          onLeave={session.canLeavePairing ? onLeavePairing : null}
          onSubmit={(code) => void session.pair(code)}
        />
      );
    case 'idle':
      return (
        <IdleScreen
          place={config?.kiosk ?? kiosk}
          connection={call?.connection ?? 'idle'}
          language={language}
          onLanguage={(next) => session.setLanguage(next)}
          onBegin={() => session.begin()}
        />
      );
    case 'start':
      return (
        <StartScreen
          onBooked={() => session.chooseBooking()}
          onWalkIn={() => session.chooseWalkIn()}
          onBack={() => session.back()}
        />
      );
    case 'checkIn': {
      const roles = config?.kiosk.cameraRoles;
      const camera = roles?.documentCameraId
        ? { deviceId: roles.documentCameraId, mirrored: false }
        : { deviceId: roles?.faceCameraId ?? null, mirrored: true };
      return (
        <CheckInScreen
          submitting={state.submitting}
          error={state.error}
          camera={camera}
          onSubmit={(code) => void session.checkIn(code)}
          onBack={() => session.back()}
        />
      );
    }
    case 'walkIn':
      return (
        <WalkInScreen
          departments={selectableDepartments(config?.departments ?? [])}
          language={language}
          onChoose={(departmentId) => void session.callStaff(departmentId)}
          onBack={() => session.back()}
        />
      );
    case 'calling':
      return (
        <WaitingScreen
          queuePosition={state.queuePosition}
          estimatedWaitSeconds={state.estimatedWaitSeconds ?? null}
          outlook={state.outlook ?? null}
          residentName={state.residentName}
          departmentName={state.departmentName ?? null}
          connected={call?.connection === 'connected'}
          alternatives={config?.alternatives ?? null}
          reassureMs={session.reassureMs}
          onBookHere={session.bookHereOffer(state.departmentId) ? () => void session.bookHere() : null}
          onCancel={() => void session.cancel()}
        />
      );
    case 'bookHere': {
      const offer = session.bookHereOffer(state.departmentId);
      if (!offer) return <FaultScreen fault="unexpected" />;
      return (
        <BookHereScreen
          offer={offer}
          departmentName={departmentName(state.departmentId)}
          language={language}
          loadDays={loadFreeDays}
          submit={(topicId, startsAt) => session.bookHereSubmit(topicId, startsAt)}
          onLeave={() => session.back()}
        />
      );
    }
    case 'booked':
      return (
        <BookedScreen
          booking={state.booking}
          departmentName={departmentName(state.booking.departmentId) ?? state.booking.departmentName}
          onFinish={() => session.finishBooked()}
        />
      );
    case 'inCall':
      return (
        <>
          <InCallScreen
          staffName={state.staffName}
          call={call}
          extras={extras}
          onToggleDocument={() => void session.inCall?.toggleDocument()}
          onAnswerSnapshot={(consent) => void session.inCall?.answerSnapshot(consent)}
          onDismissSnapshot={() => session.inCall?.dismissSnapshot()}
          onHangUp={() => void session.hangUp()}
            onLoadCaptions={loadCaptions}
            onShowCaptions={(shown) => session.inCall?.setCaptionsShown(shown)}
            onCaptionConsent={(keep) => void session.inCall?.answerCaptionConsent(keep)}
          />
          {forms && session.forms ? (
            <Suspense fallback={null}>
              <FormReviewOverlay review={forms} language={language} forms={session.forms} />
            </Suspense>
          ) : null}
        </>
      );
    case 'survey':
      return <SurveyScreen reason={state.reason} onAnswer={(rating) => session.answerSurvey(rating)} />;
    case 'ended':
      return <EndedScreen reason={state.reason} />;
    case 'mediaFailed':
      return <MediaFailedScreen onRetry={() => session.retryAfterMediaFailure()} onFinish={() => session.finishAfterMediaFailure()} />;
    case 'fault':
      return <FaultScreen fault={state.fault} />;
  }
}

/** The screen of the current state, with the help bar and the idle warning over it. */
export function KioskScreen(props: KioskScreenProps) {
  return (
    <>
      <KioskScreens {...props} />
      <KioskChrome />
    </>
  );
}
