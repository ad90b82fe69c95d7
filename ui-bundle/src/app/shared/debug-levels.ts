// The endpoint's debug levels, named by what each changes (as the wizard
// and Configure offer them).
export const DEBUG_LEVELS: ReadonlyArray<{ level: number; name: string }> = [
  { level: 0, name: '0 - Verbose logging is disabled' },
  { level: 1, name: '1 - Extra verbosity' },
  { level: 2, name: '2 - Exposes servers on more interfaces, launches pprof in container VMs' },
  { level: 3, name: '3 - Disables recovery logic and logs sensitive data' },
];
