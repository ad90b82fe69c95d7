import { Component, EventEmitter, Input, Output, inject, signal } from '@angular/core';

import { ApiError } from '../api/api-error';
import { VicApiService } from '../api/vic-api.service';
import { dockerCommand, saveFile } from './download';

// New client certificates, which the appliance hands out once: the download
// and the docker line that uses it. Shown where an operation that made them
// (create, a configure that renewed them) ends.
@Component({
  selector: 'vic-client-bundle-offer',
  template: `
    <section class="vic-bundle" aria-label="Client certificate" i18n-aria-label>
      <p i18n>
        Docker clients reach {{ vchName }} with its client certificate, which the appliance hands out once: download
        it now and keep it safe.
      </p>
      <button type="button" class="btn btn-primary" (click)="download()" [disabled]="taken()" i18n>
        Download the client certificate (zip)
      </button>
      <p i18n>Unzip ca.pem, cert.pem and key.pem into a folder; from that folder:</p>
      <pre class="vic-mono" aria-label="docker command" i18n-aria-label>{{ docker() }}</pre>
      @if (error()) {
        <p class="vic-error" role="alert">{{ error() }}</p>
      }
      <button type="button" class="btn btn-outline" (click)="closed.emit()" i18n>Close</button>
    </section>
  `,
  styles: [
    '.vic-error { color: var(--cds-alias-status-danger, #c21d00); }',
    // The whole line in view, wrapped between its options.
    '.vic-bundle pre { white-space: pre-wrap; }',
  ],
})
export class ClientBundleOfferComponent {
  // The task's /certificates resource.
  @Input({ required: true }) uri = '';
  @Input({ required: true }) vchName = '';
  @Input() set dockerHost(host: string | undefined) {
    this.docker.set(dockerCommand(host));
  }
  @Output() closed = new EventEmitter<void>();
  private readonly api = inject(VicApiService);
  readonly docker = signal(dockerCommand(undefined));
  readonly taken = signal(false);
  readonly error = signal('');

  async download(): Promise<void> {
    this.error.set('');
    try {
      saveFile(await this.api.clientBundle(this.uri), `${this.vchName}-client.zip`);
      this.taken.set(true);
    } catch (e) {
      this.error.set($localize`The client certificate could not be downloaded: ${e instanceof ApiError ? e.message : e}:reason:`);
    }
  }
}
