import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the data with what a write returned, without another round trip. */
  set: (data: T) => void;
}

/** Runs `load` when `deps` change and keeps the latest answer; a stale answer never overwrites a newer one. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const call = ++latest.current;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (call !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (call !== latest.current) return;
        setError(failure);
        setLoading(false);
      },
    );
    // Callers pass the deps of `load`; the latest `load` is read through a ref.
  }, [...deps, tick]);

  const reload = useCallback(() => {
    setTick((n) => n + 1);
  }, []);
  const set = useCallback((value: T) => {
    latest.current++;
    setData(value);
    setLoading(false);
  }, []);
  return { data, error, loading, reload, set };
}
