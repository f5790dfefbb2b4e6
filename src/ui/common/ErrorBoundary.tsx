import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  region: string;
  children: ReactNode;
}

/** One per region (diagram, inspector, player): a failure shows what failed and the rest keeps working. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept visible for developers; the UI below explains it to the reader.
    console.warn(`[${this.props.region}]`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="region-error">
        <p>
          <strong>The {this.props.region} failed:</strong> {this.state.error.message}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
