import { Component, OnInit, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import '@cds/core/icon/register.js';
import { ThemeService } from './sdk/theme.service';
import { registerIcons } from './shared/icons';

@Component({
  selector: 'vic-root',
  imports: [RouterOutlet],
  template: '<router-outlet />',
})
export class AppComponent implements OnInit {
  private readonly theme = inject(ThemeService);

  ngOnInit(): void {
    registerIcons();
    void this.theme.follow();
  }
}
