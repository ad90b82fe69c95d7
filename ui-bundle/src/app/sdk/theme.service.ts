import { Injectable, inject } from '@angular/core';

import { ClientSdkService } from './client-sdk.service';

// Follows the vSphere Client's theme: Clarity switches on the body's
// cds-theme attribute.
@Injectable({ providedIn: 'root' })
export class ThemeService {
  private readonly sdk = inject(ClientSdkService);

  async follow(): Promise<void> {
    try {
      this.apply(await this.sdk.theme());
      await this.sdk.onThemeChanged((name) => this.apply(name));
    } catch {
      this.apply('light');
    }
  }

  apply(name: string): void {
    document.body.setAttribute('cds-theme', name === 'dark' ? 'dark' : 'light');
  }
}
