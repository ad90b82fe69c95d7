import { Component } from '@angular/core';

import { debugLevels } from '../../shared/debug-levels';
import { GeneralForm } from '../wizard-form';
import { Placement, StepBase } from './step-base';
import { STEP_IMPORTS } from './step-imports';

@Component({
  selector: 'vic-general-step',
  imports: [...STEP_IMPORTS],
  template: `
    <p i18n>Name the Virtual Container Host and choose how it logs.</p>
    <form clrForm clrLayout="horizontal" clrLabelSize="3" [formGroup]="form">
      <clr-input-container>
        <label><ng-container i18n>VCH name</ng-container><span class="vic-required" aria-hidden="true"> *</span></label>
        <input clrInput id="vch-name" formControlName="name" aria-required="true" (input)="c.name.markAsTouched()"
               placeholder="Enter virtual container host name" i18n-placeholder />
        <clr-control-helper i18n>Up to 31 characters, unique in this vCenter</clr-control-helper>
        <clr-control-error role="alert">{{ problem(c.name) }}</clr-control-error>
      </clr-input-container>
      <clr-control-container>
        <label for="name-prefix" i18n>Container VM name template</label>
        <input clrControl id="name-prefix" formControlName="namePrefix" aria-label="Container VM name prefix" i18n-aria-label
               placeholder="Prefix" i18n-placeholder />
        <div class="clr-select-wrapper"><select id="name-token" formControlName="nameToken" class="clr-select" aria-label="Container VM name from" i18n-aria-label>
          <option value="{name}" i18n>Docker name</option>
          <option value="{id}" i18n>Container ID</option>
        </select></div>
        <input id="name-suffix" formControlName="nameSuffix" class="clr-input" aria-label="Container VM name suffix" i18n-aria-label
               placeholder="Suffix" i18n-placeholder />
        <clr-control-helper i18n>Example: {{ example() }}</clr-control-helper>
        <clr-control-error role="alert">{{ problem(c.namePrefix) }}</clr-control-error>
      </clr-control-container>
      <clr-select-container>
        <label i18n>Debug level</label>
        <select clrSelect id="debug" formControlName="debug">
          @for (d of debugLevels; track d.level) {
            <option [ngValue]="d.level">{{ d.name }}</option>
          }
        </select>
        <clr-control-error role="alert">{{ problem(c.debug) }}</clr-control-error>
      </clr-select-container>
      <clr-control-container>
        <label for="syslog-host" i18n>Syslog server</label>
        <div class="clr-select-wrapper"><select id="syslog-transport" formControlName="syslogTransport" class="clr-select"
                aria-label="Syslog transport" i18n-aria-label>
          <option value="tcp">tcp</option>
          <option value="udp">udp</option>
        </select></div>
        <input clrControl id="syslog-host" formControlName="syslogHost" aria-label="Syslog host" i18n-aria-label placeholder="Host" i18n-placeholder />
        <input id="syslog-port" formControlName="syslogPort" class="clr-input" aria-label="Syslog port" i18n-aria-label placeholder="514" size="6"
               (blur)="c.syslogHost.markAsTouched()" />
        <clr-control-helper i18n>Optional: where the VCH sends its logs</clr-control-helper>
        <clr-control-error role="alert">{{ problem(c.syslogHost) }}</clr-control-error>
      </clr-control-container>
    </form>
    <vic-step-issues [issues]="others()" />
  `,
})
export class GeneralStepComponent extends StepBase<GeneralForm> {
  readonly debugLevels = debugLevels();

  get c() {
    return this.form.controls;
  }

  protected placements(): Placement[] {
    return [
      { control: this.c.name, path: 'name', label: 'The name' },
      { control: this.c.namePrefix, path: 'container.name_convention', label: 'The container name template' },
      { control: this.c.debug, path: 'debug', label: 'Debug' },
      { control: this.c.syslogHost, path: 'syslog_addr', label: 'The syslog address' },
    ];
  }

  placed(): string[] {
    return ['name', 'debug', 'syslog_addr', 'container.name_convention'];
  }

  example(): string {
    const g = this.form.getRawValue();
    const sample = g.nameToken === '{name}' ? 'angry_turing' : 'f1d2c3b4a5e6';
    return `${g.namePrefix}${sample}${g.nameSuffix}`;
  }
}
