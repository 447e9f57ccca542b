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
import { PageSection } from '../../components/page-section';

/** 設定: departments, staff and kiosks, one section at a time. */
export function SettingsPage({ section }: { section: SettingsSection }) {
  const links = SETTINGS_SECTIONS.map((s) => ({
    key: s,
    href: hrefFor({ name: 'settings', section: s }),
    label: shellMessages.settingsNav[s],
    current: s === section,
  }));
  return (
    <PageSection heading={shellMessages.nav.settings} wide>
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
    </PageSection>
  );
}
