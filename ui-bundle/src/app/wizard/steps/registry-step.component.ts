import { Component } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ClrCheckboxModule } from '@clr/angular';

import { FieldComponent } from '../../shared/field.component';
import { port, registry } from '../field-rules';
import { PemListComponent } from '../../shared/pem-list.component';
import { StepBase } from './step-base';
import { StepIssuesComponent } from './step-issues.component';

@Component({
  selector: 'vic-registry-step',
  imports: [StepIssuesComponent, PemListComponent, FormsModule, FieldComponent, ClrCheckboxModule],
  template: `
    <p i18n>Choose which registries the VCH pulls images from.</p>
    <form class="clr-form clr-form-horizontal" (submit)="$event.preventDefault()">
      <clr-toggle-wrapper>
        <input type="checkbox" clrToggle id="whitelist-mode" name="whitelistMode" [(ngModel)]="state.registry.whitelistMode" />
        <label for="whitelist-mode" i18n>Whitelist registry mode</label>
      </clr-toggle-wrapper>
      @if (!state.registry.whitelistMode) {
        <p class="vic-muted" i18n>This VCH can access all secure registries.</p>
        @for (r of state.registry.insecure; track $index; let i = $index) {
          <vic-field label="Insecure registry {{ i + 1 }}" i18n-label [for]="'insecure-' + i"
                     [error]="error('insecure-port-' + i) || error('', 'registry.insecure[' + i + ']', 'The registry')">
            <input [id]="'insecure-' + i" [name]="'insecure' + i" class="clr-input" placeholder="IP or FQDN" i18n-placeholder [(ngModel)]="r.host" />
            <input [id]="'insecure-port-' + i" [name]="'insecurePort' + i" class="clr-input" size="6" placeholder="Port" i18n-placeholder
                   [attr.aria-label]="aria.insecurePort(i + 1)" [(ngModel)]="r.port" (blur)="touch('insecure-port-' + i)" />
            <button type="button" class="btn btn-icon btn-sm" [attr.aria-label]="aria.removeInsecure(i + 1)"
                    (click)="state.registry.insecure.splice(i, 1)" [disabled]="state.registry.insecure.length === 1">−</button>
          </vic-field>
        }
        <button type="button" class="btn btn-sm btn-link" (click)="state.registry.insecure.push({ host: '', port: '' })" i18n>
          Add an insecure registry
        </button>
      } @else {
        @for (w of state.registry.whitelist; track $index; let i = $index) {
          <vic-field label="Whitelist registry {{ i + 1 }}" i18n-label [for]="'whitelist-' + i"
                     [error]="error('whitelist-' + i, 'registry.whitelist', 'The registry')">
            <input [id]="'whitelist-' + i" [name]="'whitelist' + i" class="clr-input" placeholder="IP/FQDN:Port, CIDR or wildcard domain" i18n-placeholder
                   [(ngModel)]="w.address" (blur)="touch('whitelist-' + i)" />
            <div class="clr-select-wrapper"><select [id]="'whitelist-security-' + i" [name]="'whitelistSecurity' + i" class="clr-select"
                    [attr.aria-label]="aria.whitelistSecurity(i + 1)" [(ngModel)]="w.secure">
              <option [ngValue]="true" i18n>Secure</option>
              <option [ngValue]="false" i18n>Insecure</option>
            </select></div>
            <button type="button" class="btn btn-icon btn-sm" [attr.aria-label]="aria.removeWhitelist(i + 1)"
                    (click)="state.registry.whitelist.splice(i, 1)" [disabled]="state.registry.whitelist.length === 1">−</button>
          </vic-field>
        }
        <button type="button" class="btn btn-sm btn-link" (click)="state.registry.whitelist.push({ address: '', secure: true })" i18n>
          Add a registry
        </button>
      }
      <vic-pem-list label="Additional registry certificates" i18n-label for="registry-ca" [files]="state.registry.cas"
                    [error]="error('', 'registry.certificate_authorities', 'The registry certificates')" />
    </form>
    <vic-step-issues [issues]="others()" />
  `,
})
export class RegistryStepComponent extends StepBase {
  problems(): Record<string, string> {
    const r = this.state.registry;
    const out: Record<string, string> = {};
    if (r.whitelistMode) r.whitelist.forEach((w, i) => (out['whitelist-' + i] = i === 0 || w.address ? registry(w.address) : ''));
    else r.insecure.forEach((x, i) => (out['insecure-port-' + i] = port(x.port)));
    return out;
  }

  placed(): string[] {
    return ['registry.whitelist', 'registry.insecure', 'registry.certificate_authorities'];
  }
}
