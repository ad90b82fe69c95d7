import { Component, Input } from '@angular/core';
import { ClrIconModule } from '@clr/angular';
import { aria } from './aria-labels';

// A "?" beside a step's title, opening the help shipped with the plug-in at
// that step's section, in a new tab (it works without internet access).
@Component({
  selector: 'vic-help-link',
  imports: [ClrIconModule],
  template: `
    <a class="vic-help" [href]="'assets/help.html#' + topic" target="_blank" rel="noopener" [attr.aria-label]="aria.help(label)">
      <cds-icon shape="help-info" size="16" aria-hidden="true" />
    </a>
  `,
  styles: ['.vic-help { margin-left: 0.3rem; vertical-align: middle; }'],
})
export class HelpLinkComponent {
  readonly aria = aria;
  @Input({ required: true }) topic = '';
  @Input({ required: true }) label = '';
}
