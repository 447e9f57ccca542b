import { Component } from 'react';
import type { ReactNode } from 'react';

export interface PageErrorBoundaryProps {
  fallback: ReactNode;
  /** Changing it (e.g. the route) clears the error. */
  resetKey: string;
  children: ReactNode;
}

interface PageErrorBoundaryState {
  failedKey: string | null;
}

/** Keeps one broken page (or a chunk that failed to load) from blanking the whole app. */
export class PageErrorBoundary extends Component<PageErrorBoundaryProps, PageErrorBoundaryState> {
  override state: PageErrorBoundaryState = { failedKey: null };

  static getDerivedStateFromError(): Partial<PageErrorBoundaryState> {
    return { failedKey: '' };
  }

  override componentDidCatch(error: unknown): void {
    console.error('page failed', error);
    this.setState({ failedKey: this.props.resetKey });
  }

  override render(): ReactNode {
    const { failedKey } = this.state;
    if (failedKey !== null && (failedKey === '' || failedKey === this.props.resetKey)) return this.props.fallback;
    return this.props.children;
  }
}
