import { useCallback, useEffect, useState } from 'react';

export type Availability = 'available' | 'away';

const STORAGE_KEY = 'madoguchi.staff.availability';
const CHANGED = 'madoguchi:availability';

function read(): Availability {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'away' ? 'away' : 'available';
  } catch {
    return 'available';
  }
}

/** 対応可能 / 離席中, kept on this PC (so it survives a reload) and shared by every component that asks. */
export function useAvailability(): [Availability, (next: Availability) => void] {
  const [value, setValue] = useState<Availability>(read);
  useEffect(() => {
    const sync = () => setValue(read());
    window.addEventListener(CHANGED, sync);
    window.addEventListener('storage', sync);
    return () => {
      window.removeEventListener(CHANGED, sync);
      window.removeEventListener('storage', sync);
    };
  }, []);
  const update = useCallback((next: Availability) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage blocked: the choice lasts until the page reloads.
    }
    setValue(next);
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [value, update];
}
