import { consoleMessages } from '../../i18n/console-messages';
import type { MarkColor } from '@madoguchi/call-core/in-call/pointer-marks';

const t = consoleMessages.document;
const p = consoleMessages.pointer;

export type PointerTool = 'move' | 'pen' | 'highlight';

const TOOLS: readonly PointerTool[] = ['move', 'pen', 'highlight'];
const COLORS: readonly MarkColor[] = ['red', 'yellow', 'blue'];

export interface DocumentToolbarProps {
  zoom: number;
  tool: PointerTool;
  color: MarkColor;
  fullScreen: boolean;
  hasMarks: boolean;
  onZoom: (factor: number) => void;
  onReset: () => void;
  onRotate: () => void;
  onFullScreen: () => void;
  onTool: (tool: PointerTool) => void;
  onColor: (color: MarkColor) => void;
  onClear: () => void;
}

/** View controls (zoom, rotate, full screen) and the pointing tools of the document pane. */
export function DocumentToolbar(props: DocumentToolbarProps) {
  const { zoom, tool, color, fullScreen, hasMarks } = props;
  const toolLabel: Record<PointerTool, string> = { move: p.move, pen: p.pen, highlight: p.highlight };
  return (
    <div className="document__toolbar" role="toolbar" aria-label={t.heading}>
      <div className="document__group">
        <button type="button" className="button button--small button--secondary" onClick={() => props.onZoom(1 / 1.25)}>
          {t.zoomOut}
        </button>
        <span className="document__zoom" aria-live="polite">
          {t.zoomLevel(Math.round(zoom * 100))}
        </span>
        <button type="button" className="button button--small button--secondary" onClick={() => props.onZoom(1.25)}>
          {t.zoomIn}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={props.onRotate}>
          {t.rotate}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={props.onReset}>
          {t.resetView}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={props.onFullScreen}>
          {fullScreen ? t.exitFullScreen : t.fullScreen}
        </button>
      </div>
      <div className="document__group" role="group" aria-label={p.tools}>
        {TOOLS.map((value) => (
          <button
            key={value}
            type="button"
            className="button button--small button--secondary"
            aria-pressed={tool === value}
            onClick={() => props.onTool(value)}
          >
            {toolLabel[value]}
          </button>
        ))}
      </div>
      <div className="document__group" role="group" aria-label={p.color}>
        {COLORS.map((value) => (
          <button
            key={value}
            type="button"
            className={`document__swatch document__swatch--${value}`}
            aria-pressed={color === value}
            aria-label={p.colors[value]}
            title={p.colors[value]}
            onClick={() => props.onColor(value)}
          />
        ))}
        <button type="button" className="button button--small button--secondary" disabled={!hasMarks} onClick={props.onClear}>
          {p.clear}
        </button>
      </div>
    </div>
  );
}
