import { buildCognito } from './build-cognito';
import { type BuildContext, emptyStackState, type ResolvedResource, type StackState } from './build-context';
import { buildIam } from './build-iam';
import { buildServices } from './build-services';
import { NAMED_TYPES, POLICY_TYPES } from './defined-resources';
import { checkDependencies } from './dependencies';
import { StackImportError } from './errors';
import { EXPORT_NAME, EXPORT_NAME_MALFORMED, isRecord, type Template } from './parse';
import { type Gap, type Need, NO_VALUE, Resolver, type ResolveSettings } from './resolve';
import { METADATA_TYPES, SIMULATED_TYPES } from './resource-types';

export interface BuiltWorld {
  state: StackState;
  resources: ResolvedResource[];
  origins: Map<string, string>;
  samlEntityIds: Map<string, string>;
  gaps: Gap[];
  needs: Need[];
  /** Resources whose Condition is false: a deployment does not create them. */
  notCreated: string[];
  /** Queues, topics, functions, keys and their resource policies: not simulated, but named in the matrix. */
  named: ResolvedResource[];
}

/**
 * The created queues, topics, functions and keys the access matrix names (defined-resources.ts), with
 * their Ref, and the resource policies attached to them, with the one property naming what they guard.
 * What resolving them notes is dropped: each resource's own "not simulated" note says it.
 */
function namedOnly(template: Template, left: Set<string>, resolver: Resolver): ResolvedResource[] {
  const notes = resolver.gaps.length;
  const out: ResolvedResource[] = [];
  for (const [logical, resource] of Object.entries(template.Resources)) {
    const named = Object.hasOwn(NAMED_TYPES, resource.Type);
    if (left.has(logical) || !(named || Object.hasOwn(POLICY_TYPES, resource.Type))) continue;
    const path = `Resources.${logical}`;
    const keys = named ? (NAMED_TYPES[resource.Type] ?? []) : [POLICY_TYPES[resource.Type]?.property ?? ''];
    const props: Record<string, unknown> = Object.create(null);
    // Only the matrix's naming reads these: a value that does not resolve leaves the resource unnamed (or
    // its policy unattached), as before these types were read at all, rather than refuse the import.
    try {
      for (const key of keys) {
        const given = isRecord(resource.Properties) ? resource.Properties[key] : undefined;
        if (given !== undefined) props[key] = resolver.resolve(given, `${path}.Properties.${key}`);
      }
      const ref = named ? String(resolver.ref(logical, path)) : logical;
      out.push({ logical, type: resource.Type, path, props, ref });
    } catch {
      // left out of the matrix's names
    }
  }
  resolver.gaps.length = notes;
  return out;
}

/** Whether a resource or output with this `Condition` (none, or a condition's name) is created. */
function created(condition: unknown, path: string, resolver: Resolver): boolean {
  if (condition === undefined) return true;
  if (typeof condition !== 'string')
    throw new StackImportError(`${path}.Condition: a Condition must name a condition of the template`);
  return resolver.condition(condition, `${path}.Condition`);
}

/**
 * Resolves each output a deployment would create (its value and export name), so that one naming
 * nothing, or a resource its stack leaves out, is refused as CloudFormation refuses it ("… in the
 * Outputs block of the template"). The values are not shown: what the resolver would note about them
 * (a placeholder for a type not simulated) repeats what the resources' own notes say, and is dropped.
 */
function checkOutputs(template: Template, resolver: Resolver): void {
  const notes = resolver.gaps.length;
  for (const [name, output] of Object.entries(template.Outputs)) {
    const path = `Outputs.${name}`;
    if (!isRecord(output) || !created(output.Condition, path, resolver)) continue;
    const value = resolver.resolve(output.Value, `${path}.Value`);
    // "The Value field of every Outputs member must evaluate to a String and not a List." (cfn-lint#485;
    // "… and not a Map.", org-formation/org-formation-cli#15).
    const shape = Array.isArray(value) ? 'List' : isRecord(value) ? 'Map' : undefined;
    if (shape)
      throw new StackImportError(
        `${path}.Value: Template format error: The Value field of every Outputs member must evaluate to a String and not a ${shape}.`,
      );
    const exported = output.Export;
    if (!isRecord(exported) || exported.Name === undefined) continue;
    const exportName = resolver.resolve(exported.Name, `${path}.Export.Name`);
    // A name holding a placeholder (a parameter's value still to be given, a function not evaluated) is
    // not judged on the placeholder's brackets.
    const placeholder = typeof exportName === 'string' && /<[^<>]+>/.test(exportName);
    if (!placeholder && (typeof exportName !== 'string' || !EXPORT_NAME.test(exportName)))
      throw new StackImportError(`${path}.Export: ${EXPORT_NAME_MALFORMED}`);
  }
  resolver.gaps.length = notes;
}

/**
 * Template → the engine's plain state, as a deployment would create it: conditions decide which
 * resources exist, intrinsic functions are resolved, each supported resource is built by its
 * service's builder, and everything else (types, properties, transforms) is recorded as a gap.
 */
export function buildWorld(template: Template, settings: ResolveSettings & { now: number }): BuiltWorld {
  checkDependencies(template);
  const resolver = new Resolver(template, settings);
  const resources: ResolvedResource[] = [];
  const notCreated: string[] = [];
  if (template.Transform !== undefined)
    resolver.gap(
      'Transform',
      `Transform ${JSON.stringify(template.Transform)} is not expanded: resources it would create (AWS::Serverless::*) are not simulated`,
    );
  for (const rule of template.Rules)
    resolver.gap(`Rules.${rule}`, 'template rules (parameter assertions) are not checked');
  // Which resources the conditions leave out, before anything is resolved: a resource that is created
  // and names one left out is refused, as CloudFormation refuses it (serverless/serverless#4535).
  for (const [logical, resource] of Object.entries(template.Resources)) {
    if (created(resource.Condition, `Resources.${logical}`, resolver)) continue;
    notCreated.push(logical);
    resolver.leaveOut(logical);
  }
  const left = new Set(notCreated);
  for (const [logical, resource] of Object.entries(template.Resources)) {
    const path = `Resources.${logical}`;
    if (left.has(logical)) continue;
    if (METADATA_TYPES.has(resource.Type)) {
      resolver.gap(path, `${resource.Type} carries no identity or access meaning; ignored`);
      continue;
    }
    if (!SIMULATED_TYPES.has(resource.Type)) {
      // A key's policy is read for the matrix (defined-resources.ts), though the key itself is not simulated.
      const read =
        resource.Type === 'AWS::KMS::Key' ? ' (its key policy decides the access matrix’s cells on it)' : '';
      resolver.gap(path, `${resource.Type} is not simulated${read}`);
      continue;
    }
    const resolved =
      resource.Properties === undefined
        ? Object.create(null)
        : resolver.resolve(resource.Properties, `${path}.Properties`);
    const props = isRecord(resolved) && resolved !== (NO_VALUE as unknown) ? resolved : Object.create(null);
    resources.push({ logical, type: resource.Type, path, props, ref: String(resolver.ref(logical, path)) });
  }
  checkOutputs(template, resolver);
  const state = emptyStackState();
  const origins = new Map<string, string>();
  const samlEntityIds = new Map<string, string>();
  const byRef = new Map<string, ResolvedResource>();
  for (const r of resources) {
    byRef.set(r.ref, r);
    byRef.set(r.logical, r);
  }
  const ctx: BuildContext = {
    region: settings.region,
    accountId: settings.accountId,
    now: settings.now,
    state,
    resolver,
    resources,
    byRef,
    origins,
    samlEntityIds,
    gap: (p, what) => resolver.gap(p, what),
  };
  buildIam(ctx);
  buildCognito(ctx);
  buildServices(ctx);
  const named = namedOnly(template, left, resolver);
  return {
    state,
    resources,
    origins,
    samlEntityIds,
    gaps: resolver.gaps,
    needs: resolver.needs,
    notCreated,
    named,
  };
}
