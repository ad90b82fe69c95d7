import { EnvironmentInjector, inject } from '@angular/core';
import { CanActivateChildFn } from '@angular/router';

let done = false;

// Clarity's own words in the UI's language, set before the first view shows
// them; loaded on demand with the views, so that Clarity stays out of the
// initial bundle.
export const clarityInTheUiLanguage: CanActivateChildFn = async () => {
  if (!done) {
    const injector = inject(EnvironmentInjector);
    (await import('./clarity-strings')).useClarityStrings(injector);
    done = true;
  }
  return true;
};
