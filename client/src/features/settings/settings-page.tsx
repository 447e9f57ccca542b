import { SETTINGS_SECTIONS, hrefFor } from '../../app/routes';
import type { SettingsSection } from '../../app/routes';
import { NavLinks } from '../../components/nav-links';
import { shellMessages } from '../../i18n/shell-messages';
import { BookingRulesSection } from './booking-rules-section';
import { DepartmentsSection } from './departments-section';
import { IntegrationsSection } from './integrations-section';
import { KioskDisplaySection } from './kiosk-display-section';
import { KiosksSection } from './kiosks-section';
import { QuickPhrasesSection } from './quick-phrases-section';
import { FormTemplatesSection } from './form-templates-section';
import { StaffSection } from './staff-section';

/** 設定: departments, staff and kiosks, one section at a time. */
export function SettingsPage({ section }: { section: SettingsSection }) {
  const links = SETTINGS_SECTIONS.map((s) => ({
    key: s,
    href: hrefFor({ name: 'settings', section: s }),
    label: shellMessages.settingsNav[s],
    current: s === section,
  }));
  return (
    <section className="page page--wide" aria-labelledby="settings-heading">
      <h1 id="settings-heading" className="page__title">
        {shellMessages.nav.settings}
      </h1>
      <NavLinks label={shellMessages.settingsNav.label} links={links} className="nav nav--tabs" />
      {section === 'departments' ? <DepartmentsSection /> : null}
      {section === 'staff' ? <StaffSection /> : null}
      {section === 'kiosks' ? (
        <>
          <KiosksSection />
          <KioskDisplaySection />
        </>
      ) : null}
      {section === 'booking' ? <BookingRulesSection /> : null}
      {section === 'integrations' ? <IntegrationsSection /> : null}
      {section === 'phrases' ? <QuickPhrasesSection /> : null}
      {section === 'forms' ? <FormTemplatesSection /> : null}
    </section>
  );
}
