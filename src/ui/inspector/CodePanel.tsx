import type { DemoData } from '../../player/create-player';
import type { ScenarioStep } from '../../scenarios/types';
import { WireText } from './WireText';

/** The same step as AWS SDK v3 for JavaScript and as the AWS CLI, with the demo's ids filled in. */
export function CodePanel({ step, demo }: { step: ScenarioStep | undefined; demo: DemoData | undefined }) {
  if (!step) return <p>Step forward to see the code for a step.</p>;
  if (!demo) return <p>Starting the simulated cloud…</p>;
  const code = step.code(demo);
  return (
    <div className="code-panel">
      <h4>AWS SDK v3 (JavaScript)</h4>
      <WireText>{code.sdk}</WireText>
      {code.cli ? (
        <>
          <h4>AWS CLI</h4>
          <WireText>{code.cli}</WireText>
        </>
      ) : null}
    </div>
  );
}
