import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_ID, findScenario } from '../scenarios/catalog';
import { renderFirstScreen } from './first-screen';

describe('the prerendered first screen', () => {
  it('is the default scenario before its first step, rendered by the app’s own components', async () => {
    // React separates adjacent text with <!-- --> for hydration; the words are what is compared.
    const html = (await renderFirstScreen()).replaceAll('<!-- -->', '');
    const scenario = findScenario(DEFAULT_SCENARIO_ID);
    if (!scenario) throw new Error('no default scenario');
    expect(html).toContain('<h1>Identity Atlas</h1>');
    expect(html).toContain(`0 of ${scenario.steps.length} played`);
    // The narration (the largest text on the first screen) and every step of the list.
    expect(html).toContain(scenario.title);
    for (const step of scenario.steps) expect(html).toContain(step.title.replace(/'/g, '&#x27;'));
    // The diagram's lazy part is rendered too (not left for the browser, which React reports when
    // hydrating), with its zoom buttons.
    expect(html).toContain('aria-label="Fit the whole diagram"');
    expect(html).not.toContain('<!--$!-->');
  });
});
