import { QueryClient } from '@tanstack/react-query';
import { BridgeError } from './bridge';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused input will not succeed on a retry; a dropped bridge call might.
      retry: (count, error) => !(error instanceof BridgeError) && count < 2,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});
