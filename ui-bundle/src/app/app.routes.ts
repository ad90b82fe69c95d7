import { Routes } from '@angular/router';

import { clarityInTheUiLanguage } from './i18n/clarity-guard';

// One route per view plugin.json and plugin.xml name; the wizard and the
// modals load on demand so that the panes start fast.
export const routes: Routes = [
  {
    path: '',
    canActivateChild: [clarityInTheUiLanguage],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'global' },
      { path: 'global', loadComponent: () => import('./global/global-view.component').then((m) => m.GlobalViewComponent) },
      {
        path: 'vm-summary',
        loadComponent: () => import('./vm-summary/vm-summary.component').then((m) => m.VmSummaryComponent),
      },
      {
        path: 'create-vch',
        loadComponent: () => import('./wizard/create-vch-wizard.component').then((m) => m.CreateVchWizardComponent),
      },
      {
        path: 'delete-vch',
        loadComponent: () => import('./modals/delete-vch.component').then((m) => m.DeleteVchComponent),
      },
      {
        path: 'configure-vch',
        loadComponent: () => import('./modals/configure-vch.component').then((m) => m.ConfigureVchComponent),
      },
      {
        path: 'upgrade-vch',
        loadComponent: () => import('./modals/upgrade-vch.component').then((m) => m.UpgradeVchComponent),
      },
      { path: '**', redirectTo: 'global' },
    ],
  },
];
