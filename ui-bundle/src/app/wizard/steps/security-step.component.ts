import { Component, Input } from '@angular/core';
import { ClrCheckboxModule, ClrRadioModule } from '@clr/angular';

import { PemFileDirective } from '../../shared/pem-file.directive';
import { PemListComponent } from '../../shared/pem-list.component';
import { SecurityForm } from '../wizard-form';
import { Placement, StepBase } from './step-base';
import { STEP_IMPORTS } from './step-imports';

@Component({
  selector: 'vic-security-step',
  imports: [...STEP_IMPORTS, PemListComponent, PemFileDirective, ClrRadioModule, ClrCheckboxModule],
  template: `
    <p i18n>Decide who may use the VCH's Docker API, and with which certificate it answers.</p>
    <form clrForm clrLayout="horizontal" clrLabelSize="3" [formGroup]="form">
      <h4 i18n>Client certificates</h4>
      <clr-toggle-wrapper>
        <input type="checkbox" clrToggle id="client-verify" formControlName="clientVerify" />
        <label for="client-verify" i18n>Verify clients with certificates</label>
      </clr-toggle-wrapper>
      @if (c.clientVerify.value) {
        <p class="vic-muted" i18n>
          Without a certificate authority of your own, the appliance makes one and a client certificate, which you
          download once, at the end of this wizard or from the VCH's row.
        </p>
        <vic-pem-list label="Client certificate authorities" i18n-label for="client-ca" [control]="c.clientCas" />
      } @else {
        <p class="vic-warning" role="note" i18n>Anyone who reaches the VCH can use it. Use this only for tests and labs.</p>
      }

      <h4 i18n>Server certificate</h4>
      <clr-radio-wrapper>
        <input type="radio" clrRadio id="server-generate" formControlName="serverSource" value="generate" />
        <label for="server-generate" i18n>Generate a certificate</label>
      </clr-radio-wrapper>
      <clr-radio-wrapper>
        <input type="radio" clrRadio id="server-existing" formControlName="serverSource" value="existing" />
        <label for="server-existing" i18n>Use an existing certificate</label>
      </clr-radio-wrapper>
      @if (c.serverSource.value === 'generate') {
        <clr-input-container>
          <label i18n>Common name (CN)</label>
          <input clrInput id="tls-cname" formControlName="cn" [placeholder]="vchName" />
          <clr-control-helper i18n>The FQDN, IP address or wildcard domain clients use; the VCH name when empty</clr-control-helper>
          <clr-control-error role="alert">{{ problem(c.cn) }}</clr-control-error>
        </clr-input-container>
        <clr-input-container>
          <label i18n>Organization (O)</label>
          <input clrInput id="organization" formControlName="organization" />
        </clr-input-container>
        <clr-input-container>
          <label i18n>Certificate key size (bits)</label>
          <input clrInput id="key-size" formControlName="keySize" />
          <clr-control-error role="alert">{{ problem(c.keySize) }}</clr-control-error>
        </clr-input-container>
      } @else {
        <clr-control-container>
          <label for="server-cert" i18n>Server certificate</label>
          <input type="file" clrControl id="server-cert" accept=".pem,.crt,.cer" vicPemFile="CERTIFICATE" formControlName="serverCert" />
          <clr-control-helper>{{ c.serverCert.value?.name ?? pemFile }}</clr-control-helper>
          <clr-control-error role="alert">{{ problem(c.serverCert) }}</clr-control-error>
        </clr-control-container>
        <clr-control-container>
          <label for="server-key" i18n>Server private key</label>
          <input type="file" clrControl id="server-key" accept=".pem,.key" vicPemFile="PRIVATE KEY" formControlName="serverKey" />
          <clr-control-helper>{{ c.serverKey.value?.name ?? unencryptedPem }}</clr-control-helper>
          <clr-control-error role="alert">{{ problem(c.serverKey) }}</clr-control-error>
        </clr-control-container>
      }
    </form>
    <vic-step-issues [issues]="others()" />
  `,
  styles: ['.vic-warning { color: var(--cds-alias-status-warning-dark, #a36500); }'],
})
export class SecurityStepComponent extends StepBase<SecurityForm> {
  // The common name defaults to it.
  @Input() vchName = '';
  readonly pemFile = $localize`A PEM file`;
  readonly unencryptedPem = $localize`An unencrypted PEM file`;

  get c() {
    return this.form.controls;
  }

  protected placements(): Placement[] {
    return [
      { control: this.c.clientCas, path: 'auth.client', label: 'The client CAs' },
      { control: this.c.cn, path: 'auth.server.generate.cname', label: 'The common name' },
      { control: this.c.keySize, path: 'auth.server.generate.size', label: 'The key size' },
      { control: this.c.serverCert, path: 'auth.server.certificate', label: 'The certificate' },
      { control: this.c.serverKey, path: 'auth.server.private_key', label: 'The private key' },
    ];
  }

  placed(): string[] {
    return ['auth'];
  }
}
