import { Component } from '@angular/core';
import { ClrCheckboxModule } from '@clr/angular';

import { OperationsForm } from '../wizard-form';
import { Placement, StepBase } from './step-base';
import { STEP_IMPORTS } from './step-imports';

@Component({
  selector: 'vic-operations-step',
  imports: [...STEP_IMPORTS, ClrCheckboxModule],
  template: `
    <p i18n>The vSphere user the VCH acts as once it runs. vCenter checks these credentials when you go on.</p>
    <form clrForm clrLayout="horizontal" clrLabelSize="3" [formGroup]="form">
      <clr-input-container>
        <label><ng-container i18n>Operations user</ng-container><span class="vic-required" aria-hidden="true"> *</span></label>
        <input clrInput id="ops-user" formControlName="user" aria-required="true" placeholder="username@domain.local" i18n-placeholder
               autocomplete="off" />
        <clr-control-error role="alert">{{ problem(c.user) }}</clr-control-error>
      </clr-input-container>
      <clr-password-container>
        <label><ng-container i18n>Operations user password</ng-container><span class="vic-required" aria-hidden="true"> *</span></label>
        <input clrPassword id="ops-password" formControlName="password" aria-required="true" autocomplete="new-password" />
        <clr-control-error role="alert">{{ problem(c.password) }}</clr-control-error>
      </clr-password-container>
      <clr-checkbox-wrapper>
        <input type="checkbox" clrCheckbox id="ops-grant" formControlName="grant" />
        <label for="ops-grant" i18n>Grant this user any necessary permissions</label>
      </clr-checkbox-wrapper>
    </form>
    <vic-step-issues [issues]="others()" />
  `,
})
export class OperationsStepComponent extends StepBase<OperationsForm> {
  get c() {
    return this.form.controls;
  }

  protected placements(): Placement[] {
    return [
      { control: this.c.user, path: 'endpoint.operations_credentials.user', label: 'The operations user' },
      { control: this.c.password, path: 'endpoint.operations_credentials', label: 'The operations credentials' },
    ];
  }

  placed(): string[] {
    return ['endpoint.operations_credentials'];
  }
}
