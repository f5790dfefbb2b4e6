import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importStack } from '../../stack/index';
import { buildPipeline } from '../../stack/pipeline';
import { type Box, boxesOverlap, type Point, segmentHitsBox } from '../diagram/layout';
import { estimateSubtitleWidth, labelLines } from './label-wrap';
import {
  boxHeight,
  LABEL_LINE_H,
  labelWidth,
  layoutPipeline,
  STACK_NODE_H,
  SUBTITLE_LINE_H,
} from './pipeline-layout';

const now = () => Date.UTC(2026, 10, 26, 12, 0, 0);
const SAMPLES = 'tests/fixtures/cfn-samples/';
const templates = [
  ...readdirSync(SAMPLES)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => SAMPLES + f),
  'tests/fixtures/stack/app-stack.yaml',
  'tests/fixtures/stack/federated-stack.yaml',
];

describe('layoutPipeline', () => {
  it.each(templates)(
    'places boxes apart and runs no line through a box it does not join: %s',
    async (path) => {
      const r = await importStack(readFileSync(path, 'utf8'), { cloud: { now } });
      const pipeline = buildPipeline(r);
      const { nodes, edges, bounds } = layoutPipeline(pipeline);
      expect(nodes).toHaveLength(pipeline.nodes.length);
      expect(edges).toHaveLength(pipeline.edges.length);
      // The same overlap checks the demo's layout test makes.
      for (const [i, a] of nodes.entries())
        for (const b of nodes.slice(i + 1))
          expect(boxesOverlap(a.box, b.box, 8), `${a.id} overlaps ${b.id}`).toBe(false);
      const boxOf = new Map(nodes.map((n) => [n.id, n.box]));
      for (const e of edges) {
        expect(e.points[0]?.x).toBe((boxOf.get(e.from) as Box).x + (boxOf.get(e.from) as Box).w);
        expect(e.points.at(-1)?.x).toBe((boxOf.get(e.to) as Box).x);
        for (const n of nodes) {
          if (n.id === e.from || n.id === e.to) continue;
          const hit = e.points.some((p, i) => i > 0 && segmentHitsBox(e.points[i - 1] as Point, p, n.box));
          expect(hit, `${e.id} runs through ${n.id}`).toBe(false);
        }
        // Lines are orthogonal: each segment is horizontal or vertical.
        for (let i = 1; i < e.points.length; i += 1) {
          const p = e.points[i - 1] as Point;
          const q = e.points[i] as Point;
          expect(p.x === q.x || p.y === q.y).toBe(true);
        }
      }
      for (const n of nodes) {
        expect(n.box.x).toBeGreaterThanOrEqual(bounds.x);
        expect(n.box.y + n.box.h).toBeLessThanOrEqual(bounds.y + bounds.h);
      }
    },
  );

  it('says on each role how the identity pools use it', async () => {
    const r = await importStack(readFileSync('tests/fixtures/stack/federated-stack.yaml', 'utf8'), {
      cloud: { now },
    });
    const { nodes } = layoutPipeline(buildPipeline(r));
    const uses = Object.fromEntries(nodes.filter((n) => n.kind === 'role').map((n) => [n.label, n.uses]));
    expect(uses).toEqual({
      'reader-auth': ['authenticated'],
      'reader-guest': ['unauthenticated'],
      'corp-staff': ['rule email Contains @example-corp.test'],
    });
  });

  it('makes a box tall enough for a long name and keeps the boxes below it clear', async () => {
    const long = 'CustomerOrderProcessingPipelineExecution'; // 40 characters, no RoleName: a generated name
    const role = (logical: string, name?: string) => ({
      [logical]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          ...(name ? { RoleName: name } : {}),
          AssumeRolePolicyDocument: {
            Statement: [
              { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
            ],
          },
        },
      },
    });
    const r = await importStack(JSON.stringify({ Resources: { ...role(long), ...role('Short', 'short') } }), {
      cloud: { now },
    });
    const { nodes } = layoutPipeline(buildPipeline(r));
    const tall = nodes.find((n) => n.label.includes(long));
    const short = nodes.find((n) => n.label === 'short');
    if (!tall || !short) throw new Error('both roles are drawn');
    expect(tall.label).toMatch(new RegExp(`^my-stack-${long}-[A-Z0-9]{12}$`));
    expect(tall.box.h).toBeGreaterThanOrEqual(STACK_NODE_H + 2 * LABEL_LINE_H);
    expect(short.box.h).toBe(STACK_NODE_H);
    expect(boxesOverlap(tall.box, short.box, 8)).toBe(false);
  });

  it('wraps a long subtitle instead of cutting it, and counts its lines in the box height', async () => {
    const r = await importStack(readFileSync('tests/fixtures/stack/federated-stack.yaml', 'utf8'), {
      cloud: { now },
    });
    const { nodes } = layoutPipeline(buildPipeline(r));
    const google = nodes.find((n) => n.what.startsWith('Google identity provider of'));
    if (!google) throw new Error('the Google provider is drawn');
    expect(google.whatUnits.join('')).toBe(google.what);
    const lines = labelLines(google.what, labelWidth(google.box.w), estimateSubtitleWidth);
    expect(lines).toBeGreaterThan(1);
    expect(google.box.h).toBe(boxHeight(google.label, undefined, google.box.w, google.what));
    expect(google.box.h).toBeGreaterThanOrEqual(STACK_NODE_H + SUBTITLE_LINE_H * (lines - 1));
  });
});
