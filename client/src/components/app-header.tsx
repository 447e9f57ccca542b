export interface AppHeaderProps {
  title: string;
  userLabel: string;
  logoutLabel: string;
  onLogout: () => void;
}

export function AppHeader({ title, userLabel, logoutLabel, onLogout }: AppHeaderProps) {
  return (
    <header className="app-header">
      <h1 className="app-header__title">{title}</h1>
      <span className="app-header__user">{userLabel}</span>
      <button type="button" className="button button--secondary" onClick={onLogout}>
        {logoutLabel}
      </button>
    </header>
  );
}
