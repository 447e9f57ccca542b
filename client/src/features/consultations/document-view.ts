/**
 * Geometry of the document pane. The video frame is fitted into the pane (like object-fit:
 * contain, with its rotation taken into account), then moved by `translate(pan) scale(zoom)
 * rotate(rotation)` around the pane's centre. Marks are stored relative to the frame (0..1),
 * so the kiosk can draw them over its own preview whatever the staff's zoom.
 */

export type Rotation = 0 | 90 | 180 | 270;

export interface ViewTransform {
  zoom: number;
  /** Pan in CSS pixels, applied after zoom. */
  panX: number;
  panY: number;
  rotation: Rotation;
}

export interface Size {
  width: number;
  height: number;
}

export type FramePoint = [number, number];

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 5;
export const IDENTITY_VIEW: ViewTransform = Object.freeze({ zoom: 1, panX: 0, panY: 0, rotation: 0 });

function quarterTurned(rotation: Rotation): boolean {
  return rotation === 90 || rotation === 270;
}

/** The frame's size on screen before zoom (in its own, unrotated axes). */
export function fitFrame(pane: Size, video: Size, rotation: Rotation): Size {
  if (pane.width <= 0 || pane.height <= 0 || video.width <= 0 || video.height <= 0) return { width: 0, height: 0 };
  const turned = quarterTurned(rotation);
  const boxWidth = turned ? video.height : video.width;
  const boxHeight = turned ? video.width : video.height;
  const scale = Math.min(pane.width / boxWidth, pane.height / boxHeight);
  return { width: video.width * scale, height: video.height * scale };
}

/** Keeps the zoomed frame covering the pane's centre: it cannot be dragged out of sight. */
export function clampPan(view: ViewTransform, pane: Size, frame: Size): ViewTransform {
  const turned = quarterTurned(view.rotation);
  const shownWidth = (turned ? frame.height : frame.width) * view.zoom;
  const shownHeight = (turned ? frame.width : frame.height) * view.zoom;
  const maxX = Math.max(0, (shownWidth - pane.width) / 2);
  const maxY = Math.max(0, (shownHeight - pane.height) / 2);
  const panX = Math.min(maxX, Math.max(-maxX, view.panX));
  const panY = Math.min(maxY, Math.max(-maxY, view.panY));
  return panX === view.panX && panY === view.panY ? view : { ...view, panX, panY };
}

/** Zooms by `factor`, keeping the pane point `anchor` (relative to the pane's centre) still. */
export function zoomAt(view: ViewTransform, factor: number, anchor: { x: number; y: number } = { x: 0, y: 0 }): ViewTransform {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.zoom * factor));
  if (zoom === view.zoom) return view;
  const ratio = zoom / view.zoom;
  return {
    ...view,
    zoom,
    panX: anchor.x - (anchor.x - view.panX) * ratio,
    panY: anchor.y - (anchor.y - view.panY) * ratio,
  };
}

export function rotateClockwise(view: ViewTransform): ViewTransform {
  return { ...view, panX: 0, panY: 0, rotation: ((view.rotation + 90) % 360) as Rotation };
}

/**
 * A pointer position (CSS pixels from the pane's top-left corner) as a point of the video
 * frame (0..1 on each axis), or null when it falls outside the frame.
 */
export function toFramePoint(pointer: { x: number; y: number }, pane: Size, frame: Size, view: ViewTransform): FramePoint | null {
  if (frame.width <= 0 || frame.height <= 0) return null;
  // Undo translate, then scale, then rotate, around the pane's centre.
  const px = (pointer.x - pane.width / 2 - view.panX) / view.zoom;
  const py = (pointer.y - pane.height / 2 - view.panY) / view.zoom;
  const radians = (-view.rotation * Math.PI) / 180;
  const cos = Math.round(Math.cos(radians));
  const sin = Math.round(Math.sin(radians));
  const fx = px * cos - py * sin;
  const fy = px * sin + py * cos;
  const x = fx / frame.width + 0.5;
  const y = fy / frame.height + 0.5;
  if (x < 0 || x > 1 || y < 0 || y > 1) return null;
  return [round4(x), round4(y)];
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** The pan step of one arrow key press, in CSS pixels. */
export const PAN_STEP = 40;

export function panBy(view: ViewTransform, dx: number, dy: number): ViewTransform {
  return { ...view, panX: view.panX + dx, panY: view.panY + dy };
}

/** CSS for the frame box: centred in the pane, then panned, zoomed and rotated. */
export function frameStyle(frame: Size, view: ViewTransform): Record<string, string> {
  return {
    width: `${frame.width}px`,
    height: `${frame.height}px`,
    left: `calc(50% - ${frame.width / 2}px)`,
    top: `calc(50% - ${frame.height / 2}px)`,
    transform: `translate(${view.panX}px, ${view.panY}px) scale(${view.zoom}) rotate(${view.rotation}deg)`,
  };
}
