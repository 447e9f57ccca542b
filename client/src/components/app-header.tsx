import type { ReactNode } from 'react';

export interface AppHeaderProps {
  title: string;
  userLabel: string;
  logoutLabel: string;
  onLogout: () => void;
  /** Controls next to the user name, e.g. the language switch. */
  tools?: ReactNode;
  /** The navigation row under the bar. */
  children?: ReactNode;
}

export function AppHeader({ title, userLabel, logoutLabel, onLogout, tools, children }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header__bar">
        <p className="app-header__title">{title}</p>
        <span className="app-header__user">{userLabel}</span>
        {tools}
        <button type="button" className="button button--on-dark" onClick={onLogout}>
          {logoutLabel}
        </button>
      </div>
      {children}
    </header>
  );
}
