import { useEffect, useRef } from 'react';
import { GROUP_TITLES, SCENARIOS } from '../../scenarios/catalog';
import type { Scenario } from '../../scenarios/types';
import { useAppStore, useAppStoreApi } from '../../store/hooks';

const GROUPS = Object.keys(GROUP_TITLES) as Scenario['group'][];

export function ScenarioPicker() {
  const store = useAppStoreApi();
  const scenarioId = useAppStore((s) => s.scenarioId);
  const select = useRef<HTMLSelectElement>(null);
  // Another view opened a scenario here and handed the focus on (the STS gallery's column headings).
  const focusWanted = useAppStore((s) => s.focusRequest === 'scenario-picker');
  useEffect(() => {
    if (!focusWanted) return;
    select.current?.focus();
    store.getState().focusTaken('scenario-picker');
  }, [focusWanted, store]);
  return (
    <label className="scenario-picker">
      <span>Scenario</span>
      <select
        ref={select}
        value={scenarioId}
        onChange={(e) => store.getState().selectScenario(e.target.value)}
      >
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
