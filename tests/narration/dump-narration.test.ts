import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { createPlayer } from '../../src/player/create-player';
import { SCENARIOS } from '../../src/scenarios/catalog';
import { createCloud } from '../../src/sim/index';

/**
 * Not a check: an audit aid. Set NARRATION_DUMP=/path and it plays every scenario against the real
 * engine and writes, per step, the narration beside what the engine did (status, AWS error, trace
 * events with IAM decisions summarised), so a person can read claims against behaviour.
 */
const out = process.env.NARRATION_DUMP;

interface PolicyTraceLite {
  layer: string;
  name: string;
  outcome: string;
  statements: { sid?: string; effect: string; applies: boolean; resolvedResources?: string[] }[];
}

function describeEvent(kind: string, summary: string, detail: unknown): string {
  if (kind !== 'iam.decision') return `${kind}: ${summary}`;
  const result = (
    detail as {
      result?: {
        decision: string;
        reason: string;
        deniedBy?: unknown;
        missingAllowIn?: string;
        policies: PolicyTraceLite[];
      };
    }
  ).result;
  if (!result) return `${kind}: ${summary} ${JSON.stringify(detail).slice(0, 600)}`;
  const policies = result.policies
    .map(
      (p) =>
        `      [${p.layer}] ${p.name} → ${p.outcome}; applying: ${p.statements
          .filter((s) => s.applies)
          .map((s) => `${s.effect}:${s.sid ?? '#'}`)
          .join(',')}`,
    )
    .join('\n');
  return `${kind}: ${summary}\n    decision=${result.decision} reason=${result.reason} deniedBy=${JSON.stringify(result.deniedBy)} missingAllowIn=${result.missingAllowIn}\n${policies}`;
}

it.skipIf(!out)(
  'dumps every step narration beside the engine trace',
  async () => {
    const lines: string[] = [];
    for (const scenario of SCENARIOS) {
      const player = createPlayer({ scenario, createCloud });
      await player.seek(scenario.steps.length);
      const snap = player.getSnapshot();
      lines.push(`\n######## ${scenario.id} — ${scenario.title} [${scenario.identity}]\n${scenario.summary}`);
      for (const entry of snap.entries) {
        const step = scenario.steps[entry.index]!;
        const code = snap.demo ? step.code(snap.demo) : { sdk: '', cli: '' };
        lines.push(
          `\n=== ${step.label} ${step.id}: ${step.title} (${step.operation}) expect=${step.expect} refusal=${step.refusal ?? ''}`,
        );
        lines.push(`WHAT: ${step.narration.what}`);
        lines.push(`WHY: ${step.narration.why}`);
        if (step.narration.misunderstanding)
          lines.push(`MISUNDERSTANDING: ${step.narration.misunderstanding}`);
        lines.push(`OUTCOME: ${entry.outcome} ${entry.note ?? ''} ${entry.unsignedBecause ?? ''}`);
        if (entry.request)
          lines.push(
            `REQ: ${entry.request.method} ${entry.request.url} ${JSON.stringify(entry.request.headers).slice(0, 300)}\n  BODY: ${String(entry.request.body ?? '').slice(0, 500)}`,
          );
        if (entry.response)
          lines.push(`RES: ${entry.response.status} ${String(entry.response.body ?? '').slice(0, 700)}`);
        for (const e of entry.events)
          lines.push(`  ev ${e.service} ${describeEvent(e.kind, e.summary, e.detail)}`);
        lines.push(`SDK:\n${code.sdk}`);
        if (code.cli) lines.push(`CLI:\n${code.cli}`);
      }
    }
    writeFileSync(out!, lines.join('\n'));
  },
  120_000,
);
