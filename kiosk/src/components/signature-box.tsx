import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import SignaturePad from 'signature_pad';
import { SIGNATURE_BOX, type SignatureStrokes } from '@madoguchi/contract/forms';

export interface SignatureBoxHandle {
  clear(): void;
  /** The strokes in the contract's box coordinates (0..1000 × 0..400), thinned to its limits. */
  strokes(): SignatureStrokes;
}

const MAX_POINTS = 3800;
const MAX_STROKES = 60;

/** Keeps every n-th point (and the last) so a long signature fits in what the server accepts. */
function thin(strokes: [number, number][][]): [number, number][][] {
  const total = strokes.reduce((n, s) => n + s.length, 0);
  const step = Math.ceil(total / MAX_POINTS);
  const kept = step <= 1 ? strokes : strokes.map((stroke) => stroke.filter((_p, i) => i % step === 0 || i === stroke.length - 1));
  return kept.slice(-MAX_STROKES).map((stroke) => stroke.slice(0, 2000));
}

/**
 * The finger signature, with signature_pad: a large box (5:2, as stored) whose strokes go to the
 * server as points, not as a picture, so the PDF draws them as lines.
 */
export const SignatureBox = forwardRef<SignatureBoxHandle, { label: string; onChange: (empty: boolean) => void }>(function SignatureBox({ label, onChange }, ref) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // The canvas is drawn at the screen's pixel density; the pad's points stay in CSS pixels.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    const pad = new SignaturePad(canvas, { minWidth: 1.5, maxWidth: 4, penColor: '#111', backgroundColor: 'rgba(0,0,0,0)' });
    padRef.current = pad;
    const changed = () => onChangeRef.current(pad.isEmpty());
    pad.addEventListener('endStroke', changed);
    return () => {
      pad.removeEventListener('endStroke', changed);
      pad.off();
      pad.clear();
      padRef.current = null;
    };
  }, []);

  useImperativeHandle(ref, () => ({
    clear() {
      padRef.current?.clear();
      onChangeRef.current(true);
    },
    strokes() {
      const canvas = canvasRef.current;
      const pad = padRef.current;
      if (!canvas || !pad) return [];
      const sx = SIGNATURE_BOX.width / canvas.offsetWidth;
      const sy = SIGNATURE_BOX.height / canvas.offsetHeight;
      const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));
      const strokes = pad
        .toData()
        .map((group) => group.points.map((p): [number, number] => [clamp(p.x * sx, SIGNATURE_BOX.width), clamp(p.y * sy, SIGNATURE_BOX.height)]))
        .filter((stroke) => stroke.length > 0);
      return thin(strokes) as SignatureStrokes;
    },
  }));

  return <canvas ref={canvasRef} className="signature-box" role="img" aria-label={label} />;
});
