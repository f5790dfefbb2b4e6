import { GROUP_TITLES, SCENARIOS } from '../../scenarios/catalog';
import type { Scenario } from '../../scenarios/types';
import { useAppStore, useAppStoreApi } from '../../store/hooks';

const GROUPS = Object.keys(GROUP_TITLES) as Scenario['group'][];

export function ScenarioPicker() {
  const store = useAppStoreApi();
  const scenarioId = useAppStore((s) => s.scenarioId);
  return (
    <label className="scenario-picker">
      <span>Scenario</span>
      <select value={scenarioId} onChange={(e) => store.getState().selectScenario(e.target.value)}>
        {GROUPS.map((group) => (
          <optgroup key={group} label={GROUP_TITLES[group]}>
            {SCENARIOS.filter((s) => s.group === group).map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
