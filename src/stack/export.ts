import type { Cloud } from '../sim/index';
import type { StackState } from './build-context';
import { exportCognito } from './export-cognito';
import { exportIam } from './export-iam';
import { exportServices } from './export-services';
import type { ExportContext } from './export-context';
import { logicalId, RefTable } from './export-refs';

export type { ExportContext } from './export-context';

/**
 * The identity set-up of a cloud (the demo world or an imported one, as edited) as a CloudFormation
 * template that creates the same thing in a real account: IAM, user pools, identity pools, buckets
 * and bucket policies, REST APIs, SSM parameters, AppSync APIs. Users, objects and secrets are not
 * exported (CloudFormation cannot set passwords, and secrets do not belong in templates).
 */

export function exportState(state: StackState, accountId: string, region: string): Record<string, unknown> {
  const taken = new Set<string>();
  const ctx: ExportContext = {
    state,
    accountId,
    region,
    resources: {},
    refs: new RefTable(),
    taken,
    id: (prefix, name) => logicalId(prefix, name, taken),
  };
  // Logical ids and references first (every resource may name any other), then the resources.
  const builders = [exportIam(ctx), exportCognito(ctx), exportServices(ctx)];
  ctx.refs.add(accountId, { Ref: 'AWS::AccountId' });
  ctx.refs.add(region, { Ref: 'AWS::Region' });
  for (const build of builders) build();
  const resources: Record<string, unknown> = {};
  for (const [id, r] of Object.entries(ctx.resources)) {
    resources[id] = {
      Type: r.Type,
      ...(r.DependsOn ? { DependsOn: r.DependsOn } : {}),
      Properties: ctx.refs.apply(r.Properties, id),
    };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description:
      'Identity set-up exported from Identity Atlas (users, objects and secrets are not included).',
    Resources: resources,
  };
}

/** The cloud's identity set-up as CloudFormation JSON text. */
export function exportStack(cloud: Cloud): string {
  const snap = cloud.snapshot();
  const state = JSON.parse(snap.state) as StackState;
  return `${JSON.stringify(exportState(state, snap.ids.accountId, snap.region), null, 2)}\n`;
}
