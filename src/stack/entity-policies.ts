import { AWS_MANAGED_POLICIES, type IamRole, type IamUser, type NamedPolicy } from '../sim/index';
import type { WorldView } from './world-view';

/**
 * A user's or role's policies as the engine resolves them (src/sim/iam/state.ts `policiesForRole`,
 * `permissionsBoundaryFor`): inline ones, then attached managed ones from the stack or the bundled
 * AWS managed policies. An ARN neither holds is left out, as the engine leaves it out.
 */
export function managedPolicy(view: WorldView, arn: string) {
  return (
    (Object.hasOwn(view.state.iam.policies, arn) ? view.state.iam.policies[arn] : undefined) ??
    (Object.hasOwn(AWS_MANAGED_POLICIES, arn) ? AWS_MANAGED_POLICIES[arn] : undefined)
  );
}

export function policiesOf(view: WorldView, entity: IamRole | IamUser): NamedPolicy[] {
  const out: NamedPolicy[] = entity.inlinePolicies.map((p) => ({
    name: `inline:${p.name}`,
    document: p.document,
  }));
  for (const arn of entity.attachedPolicyArns) {
    const p = managedPolicy(view, arn);
    if (p) out.push({ name: p.policyName, arn: p.arn, document: p.document });
  }
  return out;
}

export function boundaryOf(view: WorldView, entity: IamRole | IamUser): NamedPolicy | undefined {
  const p = entity.permissionsBoundaryArn ? managedPolicy(view, entity.permissionsBoundaryArn) : undefined;
  return p ? { name: p.policyName, arn: p.arn, document: p.document } : undefined;
}
