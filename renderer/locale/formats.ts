import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StoreProfile, StoreProfileState } from '../../shared/contract/store-profile';
import { formats, type Formats } from '../../shared/locale/formats';
import { setCurrentFormats } from '../../shared/locale/current';
import { formatSettings } from './format-settings';

export { currentFormats } from '../../shared/locale/current';
import { api, unwrap } from '../api/bridge';

export const localeKeys = {
  workstation: ['app', 'locale'] as const,
  profile: ['app', 'store-profile'] as const,
};

/** The workstation's locale, from the operating system through the bridge; it does not change while the app runs. */
export function useWorkstationLocale() {
  return useQuery({ queryKey: localeKeys.workstation, queryFn: () => unwrap(api.app.getLocale({})), staleTime: Infinity });
}

export function useStoreProfile() {
  return useQuery({ queryKey: localeKeys.profile, queryFn: () => unwrap(api.app.getStoreProfile({})), staleTime: Infinity });
}

export function useUpdateStoreProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (profile: StoreProfile) => unwrap(api.app.updateStoreProfile(profile)),
    onSuccess: (state) => qc.setQueryData<StoreProfileState>(localeKeys.profile, state),
  });
}

/** Every screen writes and reads numbers, money and dates through these. */
export function useFormats(): Formats {
  const profile = useStoreProfile();
  const workstation = useWorkstationLocale();
  const f = formats(formatSettings(profile.data?.profile, workstation.data, navigator.languages));
  setCurrentFormats(f);
  return f;
}
