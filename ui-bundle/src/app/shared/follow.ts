import { Observable, exhaustMap, from, map, catchError, of, takeWhile, timer } from 'rxjs';

// One reading of something followed: its value, or why it could not be read.
export interface Reading<T> {
  value?: T;
  error?: unknown;
}

// Reads `read` now and every `periodMs` after the last reading ended (never
// two at once), until `done` holds for a value; that value is the last one
// emitted. A failed reading is emitted as such and the following goes on.
// The caller's subscription (takeUntilDestroyed) ends it with its view.
export function follow<T>(read: () => Promise<T>, periodMs: number, done: (value: T) => boolean): Observable<Reading<T>> {
  return timer(0, periodMs).pipe(
    exhaustMap(() =>
      from(read()).pipe(
        map((value): Reading<T> => ({ value })),
        catchError((error: unknown) => of<Reading<T>>({ error })),
      ),
    ),
    takeWhile((r) => r.error !== undefined || !done(r.value as T), true),
  );
}
