import { Component } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ClrCheckboxModule, ClrRadioModule } from '@clr/angular';

import { FieldComponent } from '../../shared/field.component';
import { wholeNumber } from '../field-rules';
import { readPem } from './pem-files';
import { PemListComponent } from '../../shared/pem-list.component';
import { StepBase } from './step-base';
import { StepIssuesComponent } from './step-issues.component';

@Component({
  selector: 'vic-security-step',
  imports: [StepIssuesComponent, PemListComponent, FormsModule, FieldComponent, ClrRadioModule, ClrCheckboxModule],
  template: `
    <p i18n>Decide who may use the VCH's Docker API, and with which certificate it answers.</p>
    <form class="clr-form clr-form-horizontal" (submit)="$event.preventDefault()">
      <h4 i18n>Client certificates</h4>
      <clr-toggle-wrapper>
        <input type="checkbox" clrToggle id="client-verify" name="clientVerify" [(ngModel)]="state.security.clientVerify" />
        <label for="client-verify" i18n>Verify clients with certificates</label>
      </clr-toggle-wrapper>
      @if (state.security.clientVerify) {
        <p class="vic-muted" i18n>
          Without a certificate authority of your own, the appliance makes one and a client certificate, which you
          download once, at the end of this wizard or from the VCH's row.
        </p>
        <vic-pem-list label="Client certificate authorities" i18n-label for="client-ca" [files]="state.security.clientCas"
                      [error]="error('', 'auth.client', 'The client CAs')" />
      } @else {
        <p class="vic-warning" role="note" i18n>Anyone who reaches the VCH can use it. Use this only for tests and labs.</p>
      }

      <h4 i18n>Server certificate</h4>
      <clr-radio-wrapper>
        <input type="radio" clrRadio id="server-generate" name="serverSource" value="generate" [(ngModel)]="state.security.serverSource" />
        <label for="server-generate" i18n>Generate a certificate</label>
      </clr-radio-wrapper>
      <clr-radio-wrapper>
        <input type="radio" clrRadio id="server-existing" name="serverSource" value="existing" [(ngModel)]="state.security.serverSource" />
        <label for="server-existing" i18n>Use an existing certificate</label>
      </clr-radio-wrapper>
      @if (state.security.serverSource === 'generate') {
        <vic-field label="Common name (CN)" i18n-label for="tls-cname" [error]="error('tls-cname', 'auth.server.generate.cname', 'The common name')"
                   hint="The FQDN, IP address or wildcard domain clients use; the VCH name when empty" i18n-hint>
          <input id="tls-cname" name="cn" class="clr-input" [(ngModel)]="state.security.cn" [placeholder]="state.general.name" />
        </vic-field>
        <vic-field label="Organization (O)" i18n-label for="organization">
          <input id="organization" name="organization" class="clr-input" [(ngModel)]="state.security.organization" />
        </vic-field>
        <vic-field label="Certificate key size (bits)" i18n-label for="key-size"
                   [error]="error('key-size', 'auth.server.generate.size', 'The key size')">
          <input id="key-size" name="keySize" class="clr-input" [(ngModel)]="state.security.keySize" (blur)="touch('key-size')" />
        </vic-field>
      } @else {
        <vic-field label="Server certificate" i18n-label for="server-cert"
                   [error]="certProblem || error('server-cert', 'auth.server.certificate', 'The certificate')"
                   [hint]="state.security.serverCert?.name ?? 'A PEM file'">
          <input type="file" id="server-cert" name="serverCert" accept=".pem,.crt,.cer" (change)="setCert($event)" />
        </vic-field>
        <vic-field label="Server private key" i18n-label for="server-key"
                   [error]="keyProblem || error('server-key', 'auth.server.private_key', 'The private key')"
                   [hint]="state.security.serverKey?.name ?? unencryptedPem">
          <input type="file" id="server-key" name="serverKey" accept=".pem,.key" (change)="setKey($event)" />
        </vic-field>
      }
    </form>
    <vic-step-issues [issues]="others()" />
  `,
  styles: ['.vic-warning { color: var(--cds-alias-status-warning-dark, #a36500); }'],
})
export class SecurityStepComponent extends StepBase {
  readonly unencryptedPem = $localize`An unencrypted PEM file`;
  certProblem = '';
  keyProblem = '';

  async setCert(event: Event): Promise<void> {
    const { file, problem } = await readPem(event, 'CERTIFICATE');
    this.certProblem = problem;
    if (file) this.state.security.serverCert = file;
  }

  async setKey(event: Event): Promise<void> {
    const { file, problem } = await readPem(event, 'PRIVATE KEY');
    this.keyProblem = problem;
    if (file) this.state.security.serverKey = file;
  }

  problems(): Record<string, string> {
    const s = this.state.security;
    if (s.serverSource === 'generate') return { 'key-size': wholeNumber(s.keySize, $localize`Key size`, 1024, 8192) };
    return {
      'server-cert': s.serverCert ? '' : $localize`A server certificate is required`,
      'server-key': s.serverKey ? '' : $localize`The server private key is required`,
    };
  }

  placed(): string[] {
    return ['auth'];
  }
}
