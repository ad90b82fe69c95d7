import { Component, OnInit, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ClrCheckboxModule, ClrIconModule, ClrSpinnerModule } from '@clr/angular';

import { Datastore } from '../../api/models';
import { VicApiService } from '../../api/vic-api.service';
import { FieldComponent } from '../../shared/field.component';
import { bytes } from '../../shared/format';
import { label, wholeNumber } from '../field-rules';
import { PerComputeList } from './per-compute-list';
import { StepBase } from './step-base';
import { StepIssuesComponent } from './step-issues.component';

@Component({
  selector: 'vic-storage-step',
  imports: [StepIssuesComponent, FormsModule, FieldComponent, ClrCheckboxModule, ClrIconModule, ClrSpinnerModule],
  template: `
    <p i18n>Choose where container images and volumes are kept.</p>
    @if (loading()) {
      <clr-spinner clrInline i18n>Loading the datastores</clr-spinner>
    }
    @if (loadError()) {
      <p class="vic-error" role="alert">{{ loadError() }}</p>
    }
    <form class="clr-form clr-form-horizontal" (submit)="$event.preventDefault()">
      <vic-field label="Image datastore" i18n-label for="image-datastore"
                 [error]="error('image-datastore', 'storage.image_stores', 'The image datastore')">
        <div class="clr-select-wrapper"><select id="image-datastore" name="imageDatastore" class="clr-select" [(ngModel)]="state.storage.imageDatastore"
                (change)="touch('image-datastore')">
          <option value="" i18n>Not selected</option>
          @for (ds of datastores(); track ds.id) {
            <option [value]="ds.name">{{ ds.name }} ({{ free(ds) }} free)</option>
          }
        </select></div>
        <input id="image-folder" name="imageFolder" class="clr-input" aria-label="Image datastore folder" i18n-aria-label
               placeholder="Existing or new folder name" i18n-placeholder [(ngModel)]="state.storage.imageFolder" />
      </vic-field>
      <vic-field label="Max container VM image size" i18n-label for="base-image-size"
                 [error]="error('base-image-size', 'storage.base_image_size', 'The image size')"
                 hint="This limit cannot be changed after deploying the VCH" i18n-hint>
        <input id="base-image-size" name="baseImageSize" class="clr-input" size="6" [(ngModel)]="state.storage.baseImageSize"
               (blur)="touch('base-image-size')" />
        <div class="clr-select-wrapper"><select id="base-image-unit" name="baseImageUnit" class="clr-select" aria-label="Image size unit" i18n-aria-label
                [(ngModel)]="state.storage.baseImageUnit">
          <option value="MiB" i18n>MB</option>
          <option value="GiB" i18n>GB</option>
        </select></div>
      </vic-field>
      <clr-checkbox-wrapper>
        <input type="checkbox" clrCheckbox id="anonymous-volumes" name="anonymousVolumes"
               [(ngModel)]="state.storage.anonymousVolumes" />
        <label for="anonymous-volumes" i18n>Enable anonymous volumes</label>
      </clr-checkbox-wrapper>
      @if (state.storage.anonymousVolumes) {
        <vic-field label="Default volume datastore" i18n-label for="default-volume"
                   [error]="error('default-volume', 'storage.volume_stores[0]', 'The default volume store')">
          <div class="clr-select-wrapper"><select id="default-volume" name="defaultVolume" class="clr-select" [(ngModel)]="state.storage.defaultVolume.datastore"
                  (change)="touch('default-volume')">
            <option value="" i18n>Not selected</option>
            @for (ds of datastores(); track ds.id) {
              <option [value]="ds.name">{{ ds.name }}</option>
            }
          </select></div>
          <input id="default-volume-folder" name="defaultVolumeFolder" class="clr-input" aria-label="Default volume folder" i18n-aria-label
                 placeholder="Optional folder name" i18n-placeholder [(ngModel)]="state.storage.defaultVolume.folder" />
        </vic-field>
      }
      <h4 i18n>Volume datastores</h4>
      @for (v of state.storage.volumes; track $index; let i = $index) {
        <vic-field label="Volume datastore {{ i + 1 }}" i18n-label [for]="'volume-ds-' + i"
                   [error]="error('volume-label-' + i, volumePath(i), 'The volume store')">
          <div class="clr-select-wrapper"><select [id]="'volume-ds-' + i" [name]="'volumeDs' + i" class="clr-select" [(ngModel)]="v.datastore">
            <option value="" i18n>Not selected</option>
            @for (ds of datastores(); track ds.id) {
              <option [value]="ds.name">{{ ds.name }}</option>
            }
          </select></div>
          <input [id]="'volume-folder-' + i" [name]="'volumeFolder' + i" class="clr-input" placeholder="Optional folder name" i18n-placeholder
                 [attr.aria-label]="aria.volumeFolder(i + 1)" [(ngModel)]="v.folder" [disabled]="!v.datastore" />
          <input [id]="'volume-label-' + i" [name]="'volumeLabel' + i" class="clr-input" placeholder="Volume store name" i18n-placeholder
                 [attr.aria-label]="aria.volumeName(i + 1)" [(ngModel)]="v.label" [disabled]="!v.datastore"
                 (blur)="touch('volume-label-' + i)" />
          <button type="button" class="btn btn-icon btn-sm" [attr.aria-label]="aria.removeVolume(i + 1)"
                  (click)="state.storage.volumes.splice(i, 1)" [disabled]="state.storage.volumes.length === 1">−</button>
        </vic-field>
      }
      <button type="button" class="btn btn-sm btn-link" (click)="state.storage.volumes.push({ datastore: '', folder: '', label: '' })" i18n>
        Add a volume datastore
      </button>
    </form>
    <vic-step-issues [issues]="others()" />
  `,
  styles: ['.vic-error { color: var(--cds-alias-status-danger, #c21d00); }'],
})
export class StorageStepComponent extends StepBase implements OnInit {
  private readonly api = inject(VicApiService);
  readonly list = new PerComputeList<Datastore>((dc, compute) => this.api.datastores(dc, compute));
  readonly datastores = this.list.items;
  readonly loading = this.list.loading;
  readonly loadError = this.list.error;

  ngOnInit(): void {
    void this.load();
  }

  // The compute resource decides which datastores its hosts reach.
  load(): Promise<void> {
    return this.list.load(this.state.compute, () => {
      this.state.storage.imageDatastore = '';
    });
  }

  free(ds: Datastore): string {
    return bytes(ds.free_bytes);
  }

  volumePath(i: number): string {
    return `storage.volume_stores[${i + (this.state.storage.anonymousVolumes ? 1 : 0)}]`;
  }

  problems(): Record<string, string> {
    const s = this.state.storage;
    const out: Record<string, string> = {
      'image-datastore': s.imageDatastore ? '' : $localize`Image store should be selected`,
      'base-image-size': wholeNumber(s.baseImageSize, $localize`Image size`),
      'default-volume': s.anonymousVolumes && !s.defaultVolume.datastore ? 'Default volume datastore should be selected' : '',
    };
    s.volumes.forEach((v, i) => (out['volume-label-' + i] = v.datastore ? label(v.label, $localize`Docker volume name`) : ''));
    return out;
  }

  placed(): string[] {
    return ['storage'];
  }
}
