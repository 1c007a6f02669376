import type { Action } from '@yaodian/core';
import type { MessageKey } from '../i18n/zh-CN.js';

export interface MenuEntry {
  path: string;
  label: MessageKey;
  /** Shown only to users whose role may do this; the server refuses the rest anyway. */
  needs: Action | 'reporter';
}

export const MENU: readonly MenuEntry[] = [
  { path: '/', label: 'menu.workbench', needs: 'plan.read' },
  { path: '/my-tasks', label: 'menu.myTasks', needs: 'reporter' },
  { path: '/values', label: 'menu.values', needs: 'reporter' },
  { path: '/plans', label: 'menu.plans', needs: 'plan.read' },
  { path: '/review', label: 'menu.review', needs: 'report.review' },
  { path: '/dashboard', label: 'menu.dashboard', needs: 'plan.read' },
  { path: '/supervision', label: 'menu.supervision', needs: 'supervision.read' },
  { path: '/timeline', label: 'menu.timeline', needs: 'plan.read' },
  { path: '/assessment', label: 'menu.assessment', needs: 'plan.read' },
  { path: '/cascade', label: 'menu.cascade', needs: 'cascade.read' },
  { path: '/import', label: 'menu.import', needs: 'plan.import' },
  { path: '/admin', label: 'menu.admin', needs: 'user.read' },
  { path: '/audit', label: 'menu.audit', needs: 'audit.read' },
  { path: '/platform', label: 'menu.platform', needs: 'tenant.manage' },
];

/** The menu entry a path belongs to: the longest prefix match. */
export function activeMenuPath(pathname: string): string {
  let best = '/';
  for (const entry of MENU) {
    if (
      entry.path !== '/' &&
      (pathname === entry.path || pathname.startsWith(`${entry.path}/`)) &&
      entry.path.length > best.length
    )
      best = entry.path;
  }
  return best;
}
