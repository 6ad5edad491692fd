/**
 * The DOM id of a form control for an API field path (`wol.mac`,
 * `nodes[2].role`), so that server errors can find their control.
 */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}
