export interface NavLink {
  key: string;
  href: string;
  label: string;
  current: boolean;
}

export interface NavLinksProps {
  label: string;
  links: readonly NavLink[];
  className?: string;
}

/** A labelled <nav> of plain links; the current one carries aria-current="page". */
export function NavLinks({ label, links, className = 'nav' }: NavLinksProps) {
  return (
    <nav className={className} aria-label={label}>
      <ul className="nav__list">
        {links.map((link) => (
          <li key={link.key}>
            <a className="nav__link" href={link.href} aria-current={link.current ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
