import { Component } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ClrCheckboxModule } from '@clr/angular';

import { FieldComponent } from '../../shared/field.component';
import { StepBase } from './step-base';
import { StepIssuesComponent } from './step-issues.component';

@Component({
  selector: 'vic-operations-step',
  imports: [StepIssuesComponent, FormsModule, FieldComponent, ClrCheckboxModule],
  template: `
    <p i18n>The vSphere user the VCH acts as once it runs. vCenter checks these credentials when you go on.</p>
    <form class="clr-form clr-form-horizontal" (submit)="$event.preventDefault()">
      <vic-field label="Operations user" i18n-label for="ops-user" [required]="true"
                 [error]="error('ops-user', 'endpoint.operations_credentials.user', 'The operations user')">
        <input id="ops-user" name="opsUser" class="clr-input" placeholder="username@domain.local" i18n-placeholder autocomplete="off"
               [(ngModel)]="state.operations.user" (blur)="touch('ops-user')" />
      </vic-field>
      <vic-field label="Operations user password" i18n-label for="ops-password" [required]="true"
                 [error]="error('ops-password', 'endpoint.operations_credentials', 'The operations credentials')">
        <input id="ops-password" name="opsPassword" type="password" class="clr-input" autocomplete="new-password"
               [(ngModel)]="state.operations.password" (blur)="touch('ops-password')" />
      </vic-field>
      <clr-checkbox-wrapper>
        <input type="checkbox" clrCheckbox id="ops-grant" name="opsGrant" [(ngModel)]="state.operations.grant" />
        <label for="ops-grant" i18n>Grant this user any necessary permissions</label>
      </clr-checkbox-wrapper>
    </form>
    <vic-step-issues [issues]="others()" />
  `,
})
export class OperationsStepComponent extends StepBase {
  problems(): Record<string, string> {
    const o = this.state.operations;
    return {
      'ops-user': o.user.trim() ? '' : $localize`Operations user cannot be empty`,
      'ops-password': o.password ? '' : $localize`Operations user password cannot be empty`,
    };
  }

  placed(): string[] {
    return ['endpoint.operations_credentials'];
  }
}
