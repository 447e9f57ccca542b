import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { attachStream } from '@madoguchi/call-core/media-element';
import { useElementSize } from '../../hooks/use-element-size';
import { useVideoSize } from '../../hooks/use-video-size';
import { consoleMessages } from '../../i18n/console-messages';
import { DocumentToolbar } from './document-toolbar';
import type { PointerTool } from './document-toolbar';
import { IDENTITY_VIEW, PAN_STEP, clampPan, fitFrame, frameStyle, panBy, rotateClockwise, toFramePoint, zoomAt } from './document-view';
import type { ViewTransform } from './document-view';
import { MarksOverlay } from './marks-overlay';
import type { MarkColor } from '@madoguchi/call-core/in-call/pointer-marks';
import { useDocumentViewReport } from './use-document-view-report';
import { usePointerMarks } from './use-pointer-marks';

const t = consoleMessages.document;
const WHEEL_STEP = 1.15;

export interface DocumentPaneProps {
  consultationId: string | null;
  track: MediaStreamTrack | null;
}

/**
 * The kiosk's document camera, large: zoom, pan, rotate, full screen, and marks drawn for the
 * resident. It opens in 移動 (move) mode, so a stray drag never draws on the resident's screen.
 */
export function DocumentPane({ consultationId, track }: DocumentPaneProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const pane = useElementSize(paneRef);
  const video = useVideoSize(videoRef, track);
  const [view, setView] = useState<ViewTransform>(IDENTITY_VIEW);
  const [tool, setTool] = useState<PointerTool>('move');
  const [color, setColor] = useState<MarkColor>('red');
  const [fullScreen, setFullScreen] = useState(false);
  const drag = useRef<{ x: number; y: number; pointerId: number } | null>(null);
  const pointer = usePointerMarks(consultationId);
  useDocumentViewReport(consultationId);
  const stream = useMemo(() => (track ? new MediaStream([track]) : null), [track]);
  const frame = fitFrame(pane, video, view.rotation);
  const shown = clampPan(view, pane, frame);

  useEffect(() => {
    const element = videoRef.current;
    if (!element || !stream) return;
    return attachStream(element, stream, { muted: true });
  }, [stream]);

  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement === rootRef.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // React's onWheel is passive, so it cannot stop the page from scrolling.
  useEffect(() => {
    const element = paneRef.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const anchor = { x: event.clientX - box.left - box.width / 2, y: event.clientY - box.top - box.height / 2 };
      setView((v) => zoomAt(v, event.deltaY < 0 ? WHEEL_STEP : 1 / WHEEL_STEP, anchor));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  const pointAt = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return toFramePoint({ x: event.clientX - box.left, y: event.clientY - box.top }, pane, frame, shown);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    if (tool === 'move') {
      drag.current = { x: event.clientX, y: event.clientY, pointerId: event.pointerId };
      return;
    }
    const point = pointAt(event);
    if (point) pointer.begin(tool, color, point);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (start && start.pointerId === event.pointerId) {
      drag.current = { ...start, x: event.clientX, y: event.clientY };
      setView(clampPan(panBy(shown, event.clientX - start.x, event.clientY - start.y), pane, frame));
      return;
    }
    if (!pointer.stroke) return;
    const point = pointAt(event);
    if (point) pointer.extend(point);
  };

  const onPointerUp = () => {
    drag.current = null;
    pointer.end();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [PAN_STEP, 0],
      ArrowRight: [-PAN_STEP, 0],
      ArrowUp: [0, PAN_STEP],
      ArrowDown: [0, -PAN_STEP],
    };
    const move = moves[event.key];
    if (move) setView(clampPan(panBy(shown, move[0], move[1]), pane, frame));
    else if (event.key === '+' || event.key === '=') setView(zoomAt(shown, WHEEL_STEP));
    else if (event.key === '-') setView(zoomAt(shown, 1 / WHEEL_STEP));
    else return;
    event.preventDefault();
  };

  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void rootRef.current?.requestFullscreen();
  };

  return (
    <section ref={rootRef} className="document" aria-label={t.heading}>
      <DocumentToolbar
        zoom={shown.zoom}
        tool={tool}
        color={color}
        fullScreen={fullScreen}
        hasMarks={pointer.marks.length > 0}
        onZoom={(factor) => setView(zoomAt(shown, factor))}
        onReset={() => setView(IDENTITY_VIEW)}
        onRotate={() => setView(rotateClockwise(shown))}
        onFullScreen={toggleFullScreen}
        onTool={setTool}
        onColor={setColor}
        onClear={pointer.clear}
      />
      <div
        ref={paneRef}
        className={`document__pane document__pane--${tool}${shown.zoom > 1 ? ' document__pane--zoomed' : ''}`}
        role="application"
        aria-label={t.paneLabel}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        data-testid="document-pane"
      >
        <div className="document__frame" style={frameStyle(frame, shown)}>
          <video ref={videoRef} className="document__video" aria-label={t.heading} autoPlay playsInline muted />
          <MarksOverlay marks={pointer.marks} stroke={pointer.stroke} />
        </div>
        {!track ? <p className="document__waiting">{t.waiting}</p> : null}
      </div>
      {pointer.failed ? <p className="document__error">{consoleMessages.pointer.sendFailed}</p> : null}
    </section>
  );
}
