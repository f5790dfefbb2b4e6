/**
 * "1 resource", "2 resources", "1 box", "0 boxes": the view's summaries count things the reader's
 * template holds, often exactly one, so the noun follows the number.
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
