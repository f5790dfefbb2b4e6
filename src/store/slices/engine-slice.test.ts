import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { findScenario } from '../../scenarios/catalog';
import { type CloudOptions, createCloud } from '../../sim/index';
import { createEngineSlice } from './engine-slice';

describe('engine slice, built alone', () => {
  it('a scenario run and the demo cloud come from the factory the store was given', async () => {
    const asked: CloudOptions[] = [];
    const store = createStore(
      createEngineSlice({
        createCloud: (options) => {
          asked.push(options);
          return createCloud(options);
        },
        loadEngine: () => Promise.reject(new Error('unused')),
        fetchPublicKeys: () => Promise.reject(new Error('unused')),
      }),
    );
    const run = store.getState().createScenarioRun(findScenario('guest')!);
    await run.seek(2);
    expect(run.getSnapshot().entries.map((e) => e.stepId)).toEqual(['get-id', 'get-credentials']);
    expect(asked).toHaveLength(1);
    const demo = await store.getState().createDemoCloud();
    expect(demo.demo.identityPool.id).toMatch(/^us-east-1:/);
    expect(asked).toHaveLength(2);
  });

  it('public keys are read through the injected reader', async () => {
    const urls: string[] = [];
    const store = createStore(
      createEngineSlice({
        createCloud,
        loadEngine: () => Promise.reject(new Error('unused')),
        fetchPublicKeys: async (url) => {
          urls.push(url);
          return new Response('{"keys":[]}');
        },
      }),
    );
    const response = await store.getState().fetchPublicKeys('https://example.com/.well-known/jwks.json');
    expect(await response.json()).toEqual({ keys: [] });
    expect(urls).toEqual(['https://example.com/.well-known/jwks.json']);
  });
});
