import { Component, Input } from '@angular/core';

import { Issue } from '../../api/models';

// The server's problems with a step that belong to none of its fields, each
// with its JSON path, announced as they appear.
@Component({
  selector: 'vic-step-issues',
  template: `
    @for (i of issues; track i.path + i.message) {
      <p class="vic-step-issue" role="alert">{{ i.path }}: {{ i.message }}</p>
    }
  `,
  styles: ['.vic-step-issue { color: var(--cds-alias-status-danger, #c21d00); }'],
})
export class StepIssuesComponent {
  @Input() issues: Issue[] = [];
}
