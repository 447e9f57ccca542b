import type { DataSource } from 'typeorm';
import { DEFAULT_KIOSK_DISPLAY, KioskDisplaySettings } from '@madoguchi/contract/town-settings';

const KIOSK_DISPLAY = 'kiosk_display';

/** Town-wide settings that admins change at run time (a key and a JSON value per setting). */
export class TownSettingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The saved value, or the defaults; a value that no longer parses (an older shape) falls back too.
   * A phone number saved before numbers were checked is dropped (not shown) rather than the whole
   * setting: the name display in particular must not fall back to a less private choice.
   */
  async kioskDisplay(): Promise<KioskDisplaySettings> {
    const rows: { value: unknown }[] = await this.dataSource.query(`SELECT value FROM town_setting WHERE key = $1`, [KIOSK_DISPLAY]);
    const stored = rows[0]?.value;
    const parsed = KioskDisplaySettings.safeParse(stored);
    if (parsed.success) return parsed.data;
    const withoutPhone = typeof stored === 'object' && stored !== null ? KioskDisplaySettings.safeParse({ ...stored, counterPhone: '' }) : parsed;
    return withoutPhone.success ? withoutPhone.data : { ...DEFAULT_KIOSK_DISPLAY };
  }

  async saveKioskDisplay(value: KioskDisplaySettings, by: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO town_setting (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [KIOSK_DISPLAY, JSON.stringify(value), at, by],
    );
  }
}
