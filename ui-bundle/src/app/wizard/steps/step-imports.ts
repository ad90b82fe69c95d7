import { ReactiveFormsModule } from '@angular/forms';
import { ClrFormsModule } from '@clr/angular';

import { AriaInvalidDirective } from '../../shared/aria-invalid.directive';
import { StepIssuesComponent } from './step-issues.component';

// What every step's template is made of: Clarity's reactive form controls,
// their invalid state for screen readers, and the step's own alert.
export const STEP_IMPORTS = [ReactiveFormsModule, ClrFormsModule, AriaInvalidDirective, StepIssuesComponent] as const;
