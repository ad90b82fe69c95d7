import { Component } from '@angular/core';
import { ClrTabsModule } from '@clr/angular';

import { ContainersComponent } from '../containers/containers.component';
import { InfoPanelComponent } from '../info/info-panel.component';
import { VchListComponent } from '../vch-list/vch-list.component';

// The plug-in's global view: the info panel and the two panes, as tabs.
@Component({
  selector: 'vic-global-view',
  imports: [ClrTabsModule, InfoPanelComponent, VchListComponent, ContainersComponent],
  template: `
    <div class="vic-page">
      <h2>vSphere Integrated Containers</h2>
      <clr-tabs>
        <clr-tab>
          <button clrTabLink i18n>Summary</button>
          <clr-tab-content *clrIfActive><vic-info-panel /></clr-tab-content>
        </clr-tab>
        <clr-tab>
          <button clrTabLink i18n>Virtual Container Hosts</button>
          <clr-tab-content *clrIfActive="true"><vic-vch-list /></clr-tab-content>
        </clr-tab>
        <clr-tab>
          <button clrTabLink i18n>Containers</button>
          <clr-tab-content *clrIfActive><vic-containers /></clr-tab-content>
        </clr-tab>
      </clr-tabs>
    </div>
  `,
})
export class GlobalViewComponent {}
