import { StackImportError } from './errors';
import { isRecord, type Template } from './parse';

/**
 * CloudFormation refuses a template whose resources depend on each other in a circle (through Ref,
 * Fn::GetAtt, Fn::Sub or DependsOn): "Circular dependency between resources". So do we, before
 * resolving anything, with an iterative walk (no recursion a hostile template could exhaust).
 */
function referencedIds(value: unknown, out: Set<string>): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (isRecord(v)) {
      for (const [k, inner] of Object.entries(v)) {
        if (k === 'Ref' && typeof inner === 'string') out.add(inner);
        else if (k === 'Fn::GetAtt') {
          const first = Array.isArray(inner)
            ? inner[0]
            : typeof inner === 'string'
              ? inner.split('.')[0]
              : undefined;
          if (typeof first === 'string') out.add(first);
          else stack.push(inner);
        } else if (k === 'Fn::Sub') {
          const text = Array.isArray(inner) ? inner[0] : inner;
          if (typeof text === 'string')
            for (const m of text.matchAll(/\$\{([^!}][^}.]*)[^}]*\}/g)) out.add((m[1] as string).trim());
          if (Array.isArray(inner)) stack.push(inner[1]);
        } else stack.push(inner);
      }
    }
  }
}

export function checkDependencies(template: Template): void {
  const ids = Object.keys(template.Resources);
  const known = new Set(ids);
  const edges = new Map<string, string[]>();
  for (const id of ids) {
    const r = template.Resources[id];
    const refs = new Set<string>();
    // SAM's Events are wired up by the transform (into separate permissions and methods), so an
    // API and its function may name each other there without a real cycle.
    const props =
      r?.Type.startsWith('AWS::Serverless::') && isRecord(r.Properties)
        ? { ...r.Properties, Events: undefined }
        : r?.Properties;
    referencedIds(props, refs);
    const dependsOn = r?.DependsOn;
    for (const d of Array.isArray(dependsOn) ? dependsOn : dependsOn ? [dependsOn] : []) {
      if (typeof d !== 'string')
        throw new StackImportError(`Resources.${id}.DependsOn: each entry must name a resource (a string)`);
      if (!known.has(d))
        throw new StackImportError(`Resources.${id}.DependsOn: ${d} is not a resource of this template`);
      refs.add(d);
    }
    edges.set(
      id,
      [...refs].filter((x) => known.has(x)),
    );
  }
  // Kahn's algorithm: whatever is left with dependencies after the sort sits on a cycle.
  const remaining = new Map(ids.map((id) => [id, edges.get(id)?.length ?? 0]));
  const dependents = new Map<string, string[]>();
  for (const [id, deps] of edges) for (const d of deps) dependents.set(d, [...(dependents.get(d) ?? []), id]);
  const ready = ids.filter((id) => remaining.get(id) === 0);
  while (ready.length > 0) {
    const id = ready.pop() as string;
    remaining.delete(id);
    for (const dep of dependents.get(id) ?? []) {
      const n = (remaining.get(dep) ?? 0) - 1;
      remaining.set(dep, n);
      if (n === 0) ready.push(dep);
    }
  }
  if (remaining.size > 0) {
    const cycle = [...remaining.keys()].slice(0, 10).join(', ');
    throw new StackImportError(`Circular dependency between resources: ${cycle}`);
  }
}
