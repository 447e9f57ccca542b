import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { createLogger } from '@madoguchi/call-core/logger';
import { DEFAULT_LANGUAGE, messagesFor } from '../i18n/messages';

const logger = createLogger('kiosk-app');

/** More crashes than this within the window means resetting does not help. */
const MAX_RESETS = 3;
const RESET_WINDOW_MS = 60_000;

interface ScreenErrorBoundaryProps {
  onReset: () => void;
  children: ReactNode;
}

/**
 * A crashed screen must not leave a frozen kiosk: log, reset the controller (which shows a
 * short fault notice, then Idle) and render the screens again.
 */
export class ScreenErrorBoundary extends Component<ScreenErrorBoundaryProps, { failed: boolean; gaveUp: boolean }> {
  override state = { failed: false, gaveUp: false };
  private resets: number[] = [];

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    logger.error('screen crashed', { error, componentStack: info.componentStack ?? '' });
    const now = Date.now();
    this.resets = [...this.resets.filter((at) => now - at < RESET_WINDOW_MS), now];
    if (this.resets.length > MAX_RESETS) {
      this.setState({ gaveUp: true });
      return;
    }
    this.props.onReset();
    this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (this.state.gaveUp) {
      // For whoever comes to fix it: the resident's language is of no help any more.
      const messages = messagesFor(DEFAULT_LANGUAGE);
      return (
        <main className="screen screen--fault">
          <p className="screen__title" role="alert">
            {messages.fault.unexpected}
          </p>
          <p className="screen__lead">{messages.fault.contact}</p>
        </main>
      );
    }
    return this.state.failed ? null : this.props.children;
  }
}
