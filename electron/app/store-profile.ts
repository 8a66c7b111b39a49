import { defaultStoreProfile, type StoreProfile, type StoreProfileState, type WorkstationLocale } from '../../shared/contract/store-profile';
import { setCurrentFormats } from '../../shared/locale/current';
import { DEFAULT_LOCALE, formats, isLocaleTag } from '../../shared/locale/formats';
import type { SettingsRepo } from '../core/store/settings-repo';

const KEY = 'store.profile';
/** Where earlier versions kept the store's name (the counter settings). */
const LEGACY_COUNTER_KEY = 'sales.counter';

/** The store's details and formats, kept with the settings both modes share; the main process writes its messages in them. */
export class StoreProfileService {
  constructor(
    private readonly settings: SettingsRepo,
    private readonly workstation: () => WorkstationLocale,
  ) {
    this.applyFormats(this.get().profile);
  }

  get(): StoreProfileState {
    const saved = this.settings.get<Partial<StoreProfile> | null>(KEY, null);
    if (saved) return { profile: { ...defaultStoreProfile, ...saved }, saved: true };
    // A store name typed in an earlier version's counter settings is kept, and the rest is still asked for.
    const legacy = this.settings.get<{ storeName?: unknown }>(LEGACY_COUNTER_KEY, {});
    const name = typeof legacy.storeName === 'string' ? legacy.storeName : '';
    return { profile: { ...defaultStoreProfile, name }, saved: false };
  }

  update(profile: StoreProfile): StoreProfileState {
    this.settings.set(KEY, profile);
    this.applyFormats(profile);
    return this.get();
  }

  private applyFormats(profile: StoreProfile): void {
    const ws = this.workstation();
    const locale = [profile.locale, ws.locale, ...ws.languages].find((l) => !!l && isLocaleTag(l)) ?? DEFAULT_LOCALE;
    setCurrentFormats(formats({ locale, currency: profile.currency }));
  }
}
