import { bootstrapApplication } from '@angular/platform-browser';

import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';
import { useClientLocale } from './app/i18n/client-locale';

// The texts are chosen before any view renders them.
useClientLocale()
  .then(() => bootstrapApplication(AppComponent, appConfig))
  .catch((err) => console.error(err));
