import { useMemo } from 'react';
import { api, type UnitDto } from '../api/endpoints.js';
import { useLoad, type Loaded } from '../api/use-load.js';

export function useUnits(): Loaded<UnitDto[]> & { nameOf(id: string): string } {
  const units = useLoad(() => api.units(), []);
  const names = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  return { ...units, nameOf: (id: string) => names.get(id) ?? '' };
}
