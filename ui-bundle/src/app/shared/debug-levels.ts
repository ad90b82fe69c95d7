// The endpoint's debug levels, named by what each changes (as the wizard
// and Configure offer them); a function, so that the texts are those of the
// language loaded before the views start.
export const debugLevels = (): ReadonlyArray<{ level: number; name: string }> => [
  { level: 0, name: $localize`0 - Verbose logging is disabled` },
  { level: 1, name: $localize`1 - Extra verbosity` },
  { level: 2, name: $localize`2 - Exposes servers on more interfaces, launches pprof in container VMs` },
  { level: 3, name: $localize`3 - Disables recovery logic and logs sensitive data` },
];
