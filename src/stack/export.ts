import type { Cloud } from '../sim/index';
export function exportStack(_cloud: Cloud): string {
  return '';
}
