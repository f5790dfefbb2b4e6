import { type DragEvent, useCallback, useEffect, useState } from 'react';
import {
  exportStack,
  type Finding,
  type ImportedStack,
  importStack,
  StackImportError,
} from '../../stack/index';
import { useAppStoreApi } from '../../store/hooks';
import { type CellRef, MatrixTable } from './MatrixTable';
import { PlayPanel } from './PlayPanel';
import { StackDiagram } from './StackDiagram';
import { FindingsPanel, ParametersForm, TracePanel, UnsupportedPanel } from './StackPanels';
import { loadStack, saveStack } from './stack-storage';
import './stack.css';

/** The region the stack is imported into (AWS::Region). */
const REGION = 'us-east-1';

type Trace = { title: string; trace: { request: { action: string; resource: string }; result: unknown } };

/**
 * "Your stack": bring a CloudFormation template, see who can do what (the access matrix, each
 * cell the engine's decision with its trace), what a reviewer flags, and what is not simulated;
 * export it (or the demo world) back to CloudFormation. The template stays in this browser.
 */
export default function StackView() {
  const store = useAppStoreApi();
  const [text, setText] = useState('');
  const [name, setName] = useState('pasted template');
  const [parameters, setParameters] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ImportedStack | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<CellRef | undefined>();
  const [trace, setTrace] = useState<Trace | null>(null);
  const [exported, setExported] = useState('');
  const [lit, setLit] = useState<string[]>([]);

  const run = useCallback(async (source: string, sourceName: string, values: Record<string, string>) => {
    setBusy(true);
    setError(null);
    setTrace(null);
    setSelected(undefined);
    setLit([]);
    try {
      const imported = await importStack(source, { parameters: values, region: REGION });
      setResult(imported);
      await saveStack({ text: source, name: sourceName, parameters: values }).catch(() => undefined);
    } catch (e) {
      setResult(null);
      setError(e instanceof StackImportError ? e.message : `Import failed: ${String(e)}`);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    let live = true;
    loadStack()
      .then((saved) => {
        if (!live || !saved) return;
        setText(saved.text);
        setName(saved.name);
        setParameters(saved.parameters);
        void run(saved.text, saved.name, saved.parameters);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [run]);

  const readFile = async (file: File) => {
    const content = await file.text();
    setText(content);
    setName(file.name);
    setParameters({});
    await run(content, file.name, {});
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) void readFile(file);
  };
  const select = (cell: CellRef) => {
    setSelected(cell);
    const explained = result?.explain(cell.caller, cell.action);
    const caller = result?.matrix.callers.find((c) => c.id === cell.caller);
    if (explained)
      setTrace({ title: `${caller?.label ?? cell.caller}: ${explained.request.action}`, trace: explained });
  };
  const showProof = (f: Finding) => {
    if (!f.proof) return;
    if ('caller' in f.proof) select({ caller: f.proof.caller, action: f.proof.action });
    else setTrace({ title: f.code, trace: f.proof });
  };

  return (
    <section className="view stack-view" aria-labelledby="stack-title">
      <h2 id="stack-title">Your stack</h2>
      <p>
        Open, drop or paste a CloudFormation template (JSON or YAML, hand-written, SAM or CDK). It is read
        here, in your browser, and kept in this browser’s storage; nothing is uploaded.
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone is an extra; the file input and text box do the same */}
      <div className="stack-input" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <label className="stack-field">
          <span>Open a template file</span>
          <input
            type="file"
            accept=".json,.yaml,.yml,.template,.txt"
            onChange={(e) => e.target.files?.[0] && void readFile(e.target.files[0])}
          />
        </label>
        <label className="stack-field">
          <span>Template (JSON or YAML)</span>
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={8} spellCheck={false} />
        </label>
        <div className="stack-actions">
          <button
            type="button"
            disabled={busy || !text.trim()}
            onClick={() => void run(text, name, parameters)}
          >
            Import
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={async () => {
              const demo = await store.getState().createDemoCloud();
              setExported(exportStack(demo));
            }}
          >
            Export the demo world
          </button>
          {result ? (
            <button type="button" onClick={() => setExported(exportStack(result.cloud))}>
              Export this stack
            </button>
          ) : null}
        </div>
        {busy ? <p role="status">Importing…</p> : null}
        {error ? (
          <p role="alert" className="stack-error">
            {error}
          </p>
        ) : null}
      </div>
      {exported ? (
        <ExportPanel
          text={exported}
          onImport={() => {
            setText(exported);
            setName('exported template');
            setParameters({});
            void run(exported, 'exported template', {});
          }}
        />
      ) : null}
      {result ? (
        <>
          <p className="stack-summary" role="status">
            {name}: {result.resources.length} resources simulated, {result.matrix.callers.length} callers,{' '}
            {result.matrix.actions.length} actions, {result.findings.length} findings,{' '}
            {result.unsupported.length} not simulated.
          </p>
          <ParametersForm
            needs={result.needs}
            values={parameters}
            onChange={setParameters}
            onApply={() => void run(text, name, parameters)}
          />
          <StackDiagram stack={result} lit={lit} />
          <PlayPanel key={name} stack={result} region={REGION} onPlayed={setLit} />
          <section className="stack-panel" aria-labelledby="stack-matrix">
            <h3 id="stack-matrix">Access matrix</h3>
            <MatrixTable matrix={result.matrix} selected={selected} onSelect={select} />
          </section>
          {trace ? <TracePanel title={trace.title} trace={trace.trace} /> : null}
          <FindingsPanel findings={result.findings} onProof={showProof} />
          <UnsupportedPanel items={result.unsupported} />
        </>
      ) : null}
    </section>
  );
}

function ExportPanel({ text, onImport }: { text: string; onImport(): void }) {
  const href = `data:application/json;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <section className="stack-panel" aria-labelledby="stack-export">
      <h3 id="stack-export">Exported CloudFormation template</h3>
      <p>
        Deploy it with{' '}
        <code>
          aws cloudformation deploy --template-file identity-atlas.json --stack-name atlas --capabilities
          CAPABILITY_NAMED_IAM
        </code>
        . Users, objects and secrets are not included.
      </p>
      <textarea aria-label="Exported template" readOnly value={text} rows={8} spellCheck={false} />
      <div className="stack-actions">
        <a href={href} download="identity-atlas.json">
          Download identity-atlas.json
        </a>
        <button type="button" onClick={onImport}>
          Import the exported template
        </button>
      </div>
    </section>
  );
}
