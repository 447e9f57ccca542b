import { SegmentedControl } from '../../components/segmented-control';
import type { Availability } from '../../hooks/use-availability';
import { consoleMessages } from '../../i18n/console-messages';

const t = consoleMessages.availability;

export function AvailabilityToggle({ value, onChange }: { value: Availability; onChange: (next: Availability) => void }) {
  return (
    <div className={`availability availability--${value}`}>
      <SegmentedControl
        label={t.label}
        value={value}
        onChange={onChange}
        options={[
          { value: 'available', label: t.available },
          { value: 'away', label: t.away },
        ]}
      />
    </div>
  );
}
