import type { StaffCallClient } from '@madoguchi/call-core/call/staff-call-client';

/**
 * One store of a kind per desk client, made the first time it is asked for: the provider asks as
 * it makes the client (so the store hears the server from then on), the call panel's hooks later.
 */
export function perDeskStore<T>(make: (desk: StaffCallClient) => T): (desk: StaffCallClient) => T {
  const stores = new WeakMap<StaffCallClient, T>();
  return (desk) => {
    let store = stores.get(desk);
    if (store === undefined) {
      store = make(desk);
      stores.set(desk, store);
    }
    return store;
  };
}
