export function App() {
  return (
    <main>
      <h1>Identity Atlas</h1>
      <p>How a person becomes a set of AWS credentials, simulated in your browser.</p>
    </main>
  );
}
