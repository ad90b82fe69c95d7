import { Component } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { debugLevels } from '../../shared/debug-levels';
import { FieldComponent } from '../../shared/field.component';
import { isHost, port, vchName } from '../field-rules';
import { StepBase } from './step-base';
import { StepIssuesComponent } from './step-issues.component';

@Component({
  selector: 'vic-general-step',
  imports: [StepIssuesComponent, FormsModule, FieldComponent],
  template: `
    <p i18n>Name the Virtual Container Host and choose how it logs.</p>
    <form class="clr-form clr-form-horizontal" (submit)="$event.preventDefault()">
      <vic-field label="VCH name" i18n-label for="vch-name" [required]="true" [error]="error('vch-name', 'name', 'The name')"
                 hint="Up to 31 characters, unique in this vCenter" i18n-hint>
        <input id="vch-name" name="vchName" class="clr-input" [(ngModel)]="state.general.name"
               (blur)="touch('vch-name')" (input)="touch('vch-name')" placeholder="Enter virtual container host name" i18n-placeholder />
      </vic-field>
      <vic-field label="Container VM name template" i18n-label for="name-prefix"
                 [error]="error('name-prefix', 'container.name_convention', 'The container name template')"
                 hint="Example: {{ example() }}" i18n-hint>
        <input id="name-prefix" name="namePrefix" class="clr-input" aria-label="Container VM name prefix" i18n-aria-label
               [(ngModel)]="state.general.namePrefix" placeholder="Prefix" i18n-placeholder />
        <div class="clr-select-wrapper"><select id="name-token" name="nameToken" class="clr-select" aria-label="Container VM name from" i18n-aria-label
                [(ngModel)]="state.general.nameToken">
          <option value="{name}" i18n>Docker name</option>
          <option value="{id}" i18n>Container ID</option>
        </select></div>
        <input id="name-suffix" name="nameSuffix" class="clr-input" aria-label="Container VM name suffix" i18n-aria-label
               [(ngModel)]="state.general.nameSuffix" placeholder="Suffix" i18n-placeholder />
      </vic-field>
      <vic-field label="Debug level" i18n-label for="debug" [error]="error('debug', 'debug', 'Debug')">
        <div class="clr-select-wrapper"><select id="debug" name="debug" class="clr-select" [(ngModel)]="state.general.debug">
          @for (d of debugLevels; track d.level) {
            <option [ngValue]="d.level">{{ d.name }}</option>
          }
        </select></div>
      </vic-field>
      <vic-field label="Syslog server" i18n-label for="syslog-host" [error]="syslogError()" hint="Optional: where the VCH sends its logs" i18n-hint>
        <div class="clr-select-wrapper"><select id="syslog-transport" name="syslogTransport" class="clr-select" aria-label="Syslog transport" i18n-aria-label
                [(ngModel)]="state.general.syslogTransport">
          <option value="tcp">tcp</option>
          <option value="udp">udp</option>
        </select></div>
        <input id="syslog-host" name="syslogHost" class="clr-input" aria-label="Syslog host" i18n-aria-label placeholder="Host" i18n-placeholder
               [(ngModel)]="state.general.syslogHost" (blur)="touch('syslog-host')" />
        <input id="syslog-port" name="syslogPort" class="clr-input" aria-label="Syslog port" i18n-aria-label placeholder="514" size="6"
               [(ngModel)]="state.general.syslogPort" (blur)="touch('syslog-port')" />
      </vic-field>
    </form>
    <vic-step-issues [issues]="others()" />
  `,
})
export class GeneralStepComponent extends StepBase {
  readonly debugLevels = debugLevels();
  problems(): Record<string, string> {
    const g = this.state.general;
    return {
      'vch-name': vchName(g.name),
      'syslog-host': g.syslogHost && !isHost(g.syslogHost) ? 'Syslog host is not a valid IP address or FQDN' : '',
      'syslog-port': port(g.syslogPort),
    };
  }

  placed(): string[] {
    return ['name', 'debug', 'syslog_addr', 'container.name_convention'];
  }

  syslogError(): string {
    return this.error('syslog-host') || this.error('syslog-port') || this.error('', 'syslog_addr', 'The syslog address');
  }

  example(): string {
    const g = this.state.general;
    const sample = g.nameToken === '{name}' ? 'angry_turing' : 'f1d2c3b4a5e6';
    return `${g.namePrefix}${sample}${g.nameSuffix}`;
  }
}
