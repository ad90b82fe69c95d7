import { Component, Input, OnChanges, inject, signal } from '@angular/core';
import { ClrSpinnerModule } from '@clr/angular';

import { ApiError } from '../api/api-error';
import { VicApiService } from '../api/vic-api.service';
import { aria } from '../shared/aria-labels';

// A VCH row's detail: the log of every operation on it, oldest first. Read
// again whenever the list is (`stamp` changes), so that an operation started
// while it is open shows up.
@Component({
  selector: 'vic-vch-log',
  imports: [ClrSpinnerModule],
  template: `
    <div class="vic-log">
      <strong i18n>Operation log</strong>
      <button type="button" class="btn btn-sm btn-link" (click)="load()" [attr.aria-label]="aria.refreshLog(vchName)" i18n>
        Refresh
      </button>
      @if (loading() && !text()) {
        <clr-spinner clrInline i18n>Loading the log</clr-spinner>
      } @else {
        <pre class="vic-mono" tabindex="0" [attr.aria-label]="aria.logOf(vchName)">{{ text() }}</pre>
      }
    </div>
  `,
  styles: ['.vic-log pre { max-height: 18rem; overflow: auto; white-space: pre-wrap; font-size: 0.75rem; }'],
})
export class VchLogComponent implements OnChanges {
  readonly aria = aria;
  @Input({ required: true }) vchId = '';
  @Input({ required: true }) vchName = '';
  @Input() stamp = 0;
  private readonly api = inject(VicApiService);
  readonly text = signal('');
  readonly loading = signal(true);

  ngOnChanges(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      this.text.set(await this.api.log(this.vchId));
    } catch (e) {
      this.text.set(e instanceof ApiError ? e.message : String(e));
    } finally {
      this.loading.set(false);
    }
  }
}
