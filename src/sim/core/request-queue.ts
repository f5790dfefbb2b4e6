/**
 * Makes every request atomic against one cloud: a FIFO queue that runs one piece of work at a time.
 * Each request's whole handler, its WebCrypto awaits included, settles before the next one starts.
 *
 * Why a queue and not "check and write in one synchronous turn": handlers check (is this username
 * free? is this SAML assertion new? is this SyncCount current?), then await WebCrypto (password
 * hashing, signatures, token signing), then write. Moving every write before the first await would
 * have to be redone in each of dozens of handlers and undone by the next one that forgets; the queue
 * fixes the whole class in one place, and AWS answers each request as if the others had not started
 * or had finished, which is what the queue gives. The cost is one promise hop per request (the engine
 * is single-threaded anyway: queued requests lose no parallelism, only the interleaving).
 *
 * Deadlock rule: work run here must never wait for other queued work. No handler calls `cloud.fetch`
 * (services call each other through functions), real-time deliveries are posted with queueMicrotask,
 * and the demo helpers that go through the queue call no other queued helper.
 */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

export function createRequestQueue(): Exclusive {
  let tail: Promise<unknown> = Promise.resolve();
  const settle = () => undefined;
  return (work) => {
    const run = tail.then(work);
    // A failed piece of work must not stall the ones behind it; its caller still sees the rejection.
    tail = run.then(settle, settle);
    return run;
  };
}
