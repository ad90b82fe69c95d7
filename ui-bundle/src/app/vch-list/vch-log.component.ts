import { Component, Input, OnInit, inject, signal } from '@angular/core';
import { ClrSpinnerModule } from '@clr/angular';

import { ApiError } from '../api/api-error';
import { VicApiService } from '../api/vic-api.service';

// A VCH row's detail: the log of every operation on it, oldest first.
@Component({
  selector: 'vic-vch-log',
  imports: [ClrSpinnerModule],
  template: `
    <div class="vic-log">
        <strong>Operation log</strong>
        @if (loading()) {
          <clr-spinner clrInline>Loading the log</clr-spinner>
        } @else {
          <pre class="vic-mono" [attr.aria-label]="'Operation log of ' + vchName">{{ text() }}</pre>
        }
    </div>
  `,
  styles: ['.vic-log pre { max-height: 18rem; overflow: auto; white-space: pre-wrap; font-size: 0.75rem; }'],
})
export class VchLogComponent implements OnInit {
  @Input({ required: true }) vchId = '';
  @Input({ required: true }) vchName = '';
  private readonly api = inject(VicApiService);
  readonly text = signal('');
  readonly loading = signal(true);

  async ngOnInit(): Promise<void> {
    try {
      this.text.set(await this.api.log(this.vchId));
    } catch (e) {
      this.text.set(e instanceof ApiError ? e.message : String(e));
    } finally {
      this.loading.set(false);
    }
  }
}
