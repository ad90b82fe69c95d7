import { Component } from '@angular/core';
import { ClrCheckboxModule } from '@clr/angular';

import { PemListComponent } from '../../shared/pem-list.component';
import { RowListComponent } from '../../shared/row-list.component';
import { RegistryForm, newRow } from '../wizard-form';
import { Placement, StepBase } from './step-base';
import { STEP_IMPORTS } from './step-imports';

@Component({
  selector: 'vic-registry-step',
  imports: [...STEP_IMPORTS, PemListComponent, RowListComponent, ClrCheckboxModule],
  template: `
    <p i18n>Choose which registries the VCH pulls images from.</p>
    <form clrForm clrLayout="horizontal" clrLabelSize="3" [formGroup]="form">
      <clr-toggle-wrapper>
        <input type="checkbox" clrToggle id="whitelist-mode" formControlName="whitelistMode" />
        <label for="whitelist-mode" i18n>Whitelist registry mode</label>
      </clr-toggle-wrapper>
      @if (!c.whitelistMode.value) {
        <p class="vic-muted" i18n>This VCH can access all secure registries.</p>
        <vic-row-list [rows]="c.insecure" [newRow]="addInsecure" [min]="1" [removeLabel]="aria.removeInsecure"
                      addLabel="Add an insecure registry" i18n-addLabel>
          <ng-template let-row let-i="index">
            <clr-control-container [formGroup]="row">
              <label [for]="'insecure-' + i" i18n>Insecure registry {{ i + 1 }}</label>
              <input clrControl [id]="'insecure-' + i" formControlName="host" placeholder="IP or FQDN" i18n-placeholder />
              <input [id]="'insecure-port-' + i" formControlName="port" class="clr-input" size="6" placeholder="Port" i18n-placeholder
                     [attr.aria-label]="aria.insecurePort(i + 1)" (blur)="row.controls.host.markAsTouched()" />
              <clr-control-error role="alert">{{ problem(row.controls.host) }}</clr-control-error>
            </clr-control-container>
          </ng-template>
        </vic-row-list>
      } @else {
        <vic-row-list [rows]="c.whitelist" [newRow]="addWhitelist" [min]="1" [removeLabel]="aria.removeWhitelist"
                      addLabel="Add a registry" i18n-addLabel>
          <ng-template let-row let-i="index">
            <clr-control-container [formGroup]="row">
              <label [for]="'whitelist-' + i" i18n>Whitelist registry {{ i + 1 }}</label>
              <input clrControl [id]="'whitelist-' + i" formControlName="address" placeholder="IP/FQDN:Port, CIDR or wildcard domain"
                     i18n-placeholder />
              <div class="clr-select-wrapper"><select [id]="'whitelist-security-' + i" formControlName="secure" class="clr-select"
                      [attr.aria-label]="aria.whitelistSecurity(i + 1)">
                <option [ngValue]="true" i18n>Secure</option>
                <option [ngValue]="false" i18n>Insecure</option>
              </select></div>
              <clr-control-error role="alert">{{ problem(row.controls.address) }}</clr-control-error>
            </clr-control-container>
          </ng-template>
        </vic-row-list>
      }
      <vic-pem-list label="Additional registry certificates" i18n-label for="registry-ca" [control]="c.cas" />
    </form>
    <vic-step-issues [issues]="others()" />
  `,
})
export class RegistryStepComponent extends StepBase<RegistryForm> {
  readonly addInsecure = () => newRow.insecure(this.form);
  readonly addWhitelist = () => newRow.whitelist(this.form);

  get c() {
    return this.form.controls;
  }

  protected placements(): Placement[] {
    return [
      ...this.c.insecure.controls.map((row, i) => ({ control: row.controls.host, path: `registry.insecure[${i}]`, label: 'The registry' })),
      ...this.c.whitelist.controls.map((row) => ({ control: row.controls.address, path: 'registry.whitelist', label: 'The registry' })),
      { control: this.c.cas, path: 'registry.certificate_authorities', label: 'The registry certificates' },
    ];
  }

  placed(): string[] {
    return ['registry.whitelist', 'registry.insecure', 'registry.certificate_authorities'];
  }
}
