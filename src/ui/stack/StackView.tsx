import { type DragEvent, useCallback, useEffect, useRef, useState } from 'react';
import {
  exportStack,
  type Finding,
  type ImportedStack,
  importStack,
  type MatrixModel,
  StackImportError,
} from '../../stack/index';
import { useAppStoreApi } from '../../store/hooks';
import { afterNextPaint } from '../common/after-paint';
import { counted } from './counted';
import { type CellRef, MatrixTable } from './MatrixTable';
import { PlayPanel } from './PlayPanel';
import { StackDiagram } from './StackDiagram';
import { FindingsPanel, ParametersForm, TracePanel, UnsupportedPanel } from './StackPanels';
import { type DraftSave, loadDraft, loadStack, MAX_DRAFT_CHARS, saveStack } from './stack-storage';
import { useTemplateDraft } from './use-template-draft';
import './stack.css';

/** The region the stack is imported into (AWS::Region). */
const REGION = 'us-east-1';

type Trace = {
  title: string;
  trace: { request: { action: string; resource: string }; result: unknown };
  /** For a "Depends" cell: what it depends on (the trace shows one case of it). */
  depends?: string;
};
/** Why the last import failed, and the template's lines at the spot when the parser drew them. */
type ImportFailure = { message: string; frame?: string };
/** The stack in effect: the last template that imported, under the name it was imported as. */
type Current = { stack: ImportedStack; name: string };

const DRAFT_NOT_KEPT: Record<Exclude<DraftSave, 'kept'>, string> = {
  'too-large': `This text is longer than ${MAX_DRAFT_CHARS.toLocaleString('en')} characters, more than a template may hold, so it is not kept in this browser: it is lost on reload.`,
  unavailable:
    'This browser’s storage is full or turned off, so the text is not kept: import it, or it is lost on reload.',
};

/**
 * "Your stack": bring a CloudFormation template, see who can do what (the access matrix, each
 * cell the engine's decision with its trace), what a reviewer flags, and what is not simulated;
 * export it (or the demo world) back to CloudFormation. The template stays in this browser.
 */
export default function StackView() {
  const store = useAppStoreApi();
  // Text typed but not imported survives a reload (use-template-draft.ts); read once, at mount.
  const [draft] = useState(loadDraft);
  const [text, setText] = useState(draft ?? '');
  const [importedText, setImportedText] = useState<string | undefined>();
  const draftStatus = useTemplateDraft(text, importedText);
  const [name, setName] = useState('pasted template');
  const [parameters, setParameters] = useState<Record<string, string>>({});
  const [current, setCurrent] = useState<Current | null>(null);
  const result = current?.stack ?? null;
  const [error, setError] = useState<ImportFailure | null>(null);
  const [busy, setBusy] = useState(false);
  // The state above changes a render later: a second press in between must not start a second import.
  const working = useRef(false);
  const [selected, setSelected] = useState<CellRef | undefined>();
  const [trace, setTrace] = useState<Trace | null>(null);
  const [exported, setExported] = useState('');
  const [lit, setLit] = useState<string[]>([]);
  // The whole matrix when the reader asked for it (past the caps), for the stack in effect only.
  const [whole, setWhole] = useState<{ of: ImportedStack; model: MatrixModel } | null>(null);
  const [widening, setWidening] = useState(false);
  const model = whole && whole.of === result ? whole.model : result;

  const run = useCallback(async (source: string, sourceName: string, values: Record<string, string>) => {
    if (working.current) return;
    working.current = true;
    setBusy(true);
    setError(null);
    try {
      const imported = await importStack(source, { parameters: values, region: REGION });
      setCurrent({ stack: imported, name: sourceName });
      setWhole(null);
      setTrace(null);
      setSelected(undefined);
      setLit([]);
      setImportedText(source);
      await saveStack({ text: source, name: sourceName, parameters: values }).catch(() => undefined);
    } catch (e) {
      // The stack imported before stays in effect, on screen as in storage (a reload brings it back):
      // a template that does not import replaces nothing.
      setError(
        e instanceof StackImportError
          ? { message: e.message, ...(e.frame ? { frame: e.frame } : {}) }
          : { message: `Import failed: ${String(e)}` },
      );
    } finally {
      working.current = false;
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    let live = true;
    loadStack()
      .then((saved) => {
        if (!live || !saved) return;
        // A draft is newer than the imported template: the box shows it, the results the import.
        if (draft === undefined) setText(saved.text);
        setName(saved.name);
        setParameters(saved.parameters);
        void run(saved.text, saved.name, saved.parameters);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [run, draft]);

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
    const explained = model?.explain(cell.caller, cell.action);
    const caller = model?.matrix.callers.find((c) => c.id === cell.caller);
    const shown = model?.matrix.cells.find((c) => c.caller === cell.caller && c.action === cell.action);
    if (explained)
      setTrace({
        title: `${caller?.label ?? cell.caller}: ${explained.request.action}`,
        trace: explained,
        ...(shown?.decision === 'conditional' ? { depends: shown.reason } : {}),
      });
  };
  const widen = async () => {
    if (!result || widening) return;
    if (whole?.of === result) {
      setWhole(null);
      return;
    }
    setWidening(true);
    // The button's "Evaluating…" is painted before the long evaluation starts.
    await afterNextPaint();
    try {
      setWhole({ of: result, model: result.uncapped() });
    } finally {
      setWidening(false);
    }
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
        {draftStatus === 'kept' ? null : (
          <p className="stack-note" aria-live="polite">
            {DRAFT_NOT_KEPT[draftStatus]}
          </p>
        )}
        <div className="stack-actions">
          {/*
           * aria-disabled while an import runs, not disabled: a disabled button drops the keyboard focus
           * to the page. run() ignores a press while one is under way.
           */}
          <button
            type="button"
            disabled={!text.trim()}
            aria-disabled={busy || undefined}
            onClick={() => void run(text, name, parameters)}
          >
            Import
          </button>
          <button
            type="button"
            aria-disabled={busy || undefined}
            onClick={async () => {
              if (working.current) return;
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
          <div role="alert" className="stack-error">
            <p>{error.message}</p>
            {error.frame ? <pre className="stack-error__frame">{error.frame}</pre> : null}
            {current ? (
              <p className="stack-error__kept">
                The stack below is still the one in effect, and the one kept in this browser:{' '}
                {`“${current.name}”, the last template that imported.`}
              </p>
            ) : null}
          </div>
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
      {current && result ? (
        <>
          <p className="stack-summary" role="status">
            {error ? 'Current stack (still in effect): ' : ''}
            {current.name}: {summaryOf(result, model?.matrix ?? result.matrix)}
          </p>
          <ParametersForm
            needs={result.needs}
            values={parameters}
            onChange={setParameters}
            onApply={() => void run(text, name, parameters)}
          />
          <StackDiagram stack={result} lit={lit} />
          <PlayPanel key={current.name} stack={result} region={REGION} onPlayed={setLit} />
          <section className="stack-panel" aria-labelledby="stack-matrix">
            <h3 id="stack-matrix">Access matrix</h3>
            <MatrixTable
              matrix={model?.matrix ?? result.matrix}
              selected={selected}
              onSelect={select}
              widen={{ showingAll: whole?.of === result, working: widening, toggle: () => void widen() }}
            />
          </section>
          {trace ? <TracePanel title={trace.title} trace={trace.trace} depends={trace.depends} /> : null}
          <FindingsPanel findings={result.findings} onProof={showProof} />
          <UnsupportedPanel items={result.unsupported} />
        </>
      ) : null}
    </section>
  );
}

/** "12 actions", or "150 of 210 actions shown" when the matrix's cap left some out. */
const shownOf = (limit: ImportedStack['matrix']['limits']['callers'], noun: string) =>
  limit.total > limit.shown
    ? `${limit.shown} of ${counted(limit.total, noun)} shown`
    : counted(limit.shown, noun);

/** "3 resources simulated, 1 caller, 12 actions, 2 findings, 0 not simulated." */
function summaryOf(stack: ImportedStack, matrix: ImportedStack['matrix']): string {
  return [
    `${counted(stack.resources.length, 'resource')} simulated`,
    shownOf(matrix.limits.callers, 'caller'),
    shownOf(matrix.limits.actions, 'action'),
    counted(stack.findings.length, 'finding'),
    `${stack.unsupported.length} not simulated.`,
  ].join(', ');
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
