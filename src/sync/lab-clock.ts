/**
 * The clock of the profile's shared cloud (the Cognito Sync and AppSync labs). Unlike a Flows
 * scenario, which replays on a fresh cloud whose simulation clock starts at a fixed instant, this cloud
 * is kept in IndexedDB across visits and tabs, and its devices sync with each other over minutes and
 * days: only the reader's own clock keeps such a cloud consistent. So it is injected as a named clock
 * (the engine, the devices' clients and every date the labs show read this one), and the views say so.
 */
export const LAB_CLOCK = {
  /** How the views name it to the reader. */
  name: "your computer's clock",
  now: (): number => Date.now(),
} as const;
