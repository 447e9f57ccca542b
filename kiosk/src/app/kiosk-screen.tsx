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
import { departmentLabel, selectableDepartments } from '../visit/department-label';
import { useKioskController } from '../visit/use-kiosk-controller';
import { useKioskSnapshot } from '../visit/use-kiosk-snapshot';
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
  const controller = useKioskController();
  const { state, kiosk, config, call, language, extras, forms } = useKioskSnapshot();
  // Stable, so the call screen asks for the captions once per (re)join, not on every render.
  const loadCaptions = useCallback(() => void controller.inCall?.loadCaptions(), [controller]);
  const loadFreeDays = useCallback((topicId: string, from: string) => controller.bookHereFreeTimes(topicId, from), [controller]);
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
          onLeave={controller.canLeavePairing ? onLeavePairing : null}
          onSubmit={(code) => void controller.pair(code)}
        />
      );
    case 'idle':
      return (
        <IdleScreen
          place={config?.kiosk ?? kiosk}
          connection={call?.connection ?? 'idle'}
          language={language}
          onLanguage={(next) => controller.setLanguage(next)}
          onBegin={() => controller.begin()}
        />
      );
    case 'start':
      return (
        <StartScreen
          onBooked={() => controller.chooseBooking()}
          onWalkIn={() => controller.chooseWalkIn()}
          onBack={() => controller.back()}
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
          onSubmit={(code) => void controller.checkIn(code)}
          onBack={() => controller.back()}
        />
      );
    }
    case 'walkIn':
      return (
        <WalkInScreen
          departments={selectableDepartments(config?.departments ?? [])}
          language={language}
          onChoose={(departmentId) => void controller.callStaff(departmentId)}
          onBack={() => controller.back()}
        />
      );
    case 'calling':
      return (
        <WaitingScreen
          queuePosition={state.queuePosition}
          estimatedWaitSeconds={state.estimatedWaitSeconds ?? null}
          outlook={state.outlook ?? null}
          residentName={state.residentName}
          departmentName={state.transferredTo ? (departmentName(state.transferredTo.id) ?? state.transferredTo.name) : null}
          connected={call?.connection === 'connected'}
          alternatives={config?.alternatives ?? null}
          reassureMs={controller.reassureMs}
          onBookHere={controller.bookHereOffer(state.departmentId) ? () => void controller.bookHere() : null}
          onCancel={() => void controller.cancel()}
        />
      );
    case 'bookHere': {
      const offer = controller.bookHereOffer(state.departmentId);
      if (!offer) return <FaultScreen fault="unexpected" />;
      return (
        <BookHereScreen
          offer={offer}
          departmentName={departmentName(state.departmentId)}
          language={language}
          loadDays={loadFreeDays}
          submit={(topicId, startsAt) => controller.bookHereSubmit(topicId, startsAt)}
          onLeave={() => controller.back()}
        />
      );
    }
    case 'booked':
      return (
        <BookedScreen
          booking={state.booking}
          departmentName={departmentName(state.booking.departmentId) ?? state.booking.departmentName}
          onFinish={() => controller.finishBooked()}
        />
      );
    case 'inCall':
      return (
        <>
          <InCallScreen
          staffName={state.staffName}
          call={call}
          extras={extras}
          onToggleDocument={() => void controller.inCall?.toggleDocument()}
          onAnswerSnapshot={(consent) => void controller.inCall?.answerSnapshot(consent)}
          onDismissSnapshot={() => controller.inCall?.dismissSnapshot()}
          onHangUp={() => void controller.hangUp()}
            onLoadCaptions={loadCaptions}
            onShowCaptions={(shown) => controller.inCall?.setCaptionsShown(shown)}
            onCaptionConsent={(keep) => void controller.inCall?.answerCaptionConsent(keep)}
          />
          {forms && controller.forms ? (
            <Suspense fallback={null}>
              <FormReviewOverlay review={forms} language={language} forms={controller.forms} />
            </Suspense>
          ) : null}
        </>
      );
    case 'survey':
      return <SurveyScreen reason={state.reason} onAnswer={(rating) => controller.answerSurvey(rating)} />;
    case 'ended':
      return <EndedScreen reason={state.reason} />;
    case 'mediaFailed':
      return <MediaFailedScreen onRetry={() => controller.retryAfterMediaFailure()} onFinish={() => controller.finishAfterMediaFailure()} />;
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
