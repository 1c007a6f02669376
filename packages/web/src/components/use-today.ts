import { api } from '../api/endpoints.js';
import { useLoad } from '../api/use-load.js';

/** Today by the server's clock (demos and tests pin it), as YYYY-MM-DD; the browser's date until it answers. */
export function useToday(): string {
  const health = useLoad(() => api.health(), []);
  return isoDay(health.data ? new Date(health.data.time) : new Date());
}

export function isoDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
