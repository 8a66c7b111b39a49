import type { VendorId } from '../../shared/vendors';

/** Training mode signs in to the simulators with these; they are not secrets and never reach a vendor. */
export const trainingCredentials: Record<VendorId, Record<string, string>> = {
  simpleconsign: { apiKey: 'training-simpleconsign-key' },
  ifpos: { apiKey: 'training-ifpos-key' },
  'trax-retail': { authToken: 'training-trax-retail-token' },
  heavytruckparts: { password: 'training-heavytruckparts-password' },
};

/** Where each vendor's simulators live under the simulator host in training mode. */
export const trainingPrefixes: Record<VendorId, string> = {
  simpleconsign: '/simpleconsign',
  ifpos: '/ifpos',
  'trax-retail': '/trax-retail',
  heavytruckparts: '/heavytruckparts',
};
