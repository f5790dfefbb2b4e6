import { TokenBreaks } from '../common/TokenBreaks';
import type { WorldFacts } from '../../player/world-facts';
import { poolRoleConfig } from './role-mapping';

/** An identity pool's role configuration (Roles and RoleMappings), as the engine's state holds it. */
export function RoleMappingView({
  world,
  poolId,
}: {
  world: WorldFacts | undefined;
  poolId: string | undefined;
}) {
  const config = poolRoleConfig(world, poolId);
  if (!config) return null;
  return (
    <div className="role-mapping">
      <p>
        Identity pool <code>{config.poolName}</code> (
        <code>
          <TokenBreaks text={config.poolId} />
        </code>
        ), as GetIdentityPoolRoles would return it:
      </p>
      <dl className="explainer__facts">
        <div>
          <dt>Authenticated role</dt>
          <dd>
            <code>
              <TokenBreaks text={config.authenticatedRole ?? '—'} />
            </code>
          </dd>
        </div>
        <div>
          <dt>Guest (unauthenticated) role</dt>
          <dd>
            <code>
              <TokenBreaks text={config.guestRole ?? 'guests not allowed'} />
            </code>
          </dd>
        </div>
      </dl>
      {config.mappings.length === 0 ? (
        <p>
          No role mappings: every login gets the authenticated role (in the basic flow the app names the role
          itself).
        </p>
      ) : (
        <ul className="role-mapping__rules">
          {config.mappings.map((m) => (
            <li key={m.provider}>
              Role mapping for{' '}
              <code>
                <TokenBreaks text={m.provider} />
              </code>
              : <strong>{m.type}</strong>, AmbiguousRoleResolution <strong>{m.ambiguous}</strong>. {m.meaning}
              {m.rules.length ? (
                <ol>
                  {m.rules.map((r) => (
                    <li key={r}>
                      <code>
                        <TokenBreaks text={r} />
                      </code>
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {config.mappings.length ? <p className="small">{config.otherLogins}</p> : null}
    </div>
  );
}
