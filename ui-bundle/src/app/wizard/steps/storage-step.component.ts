import { Component, Input, OnInit, inject } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { ClrCheckboxModule, ClrSpinnerModule } from '@clr/angular';

import { Datastore } from '../../api/models';
import { VicApiService } from '../../api/vic-api.service';
import { bytes } from '../../shared/format';
import { RowListComponent } from '../../shared/row-list.component';
import { ComputeForm, StorageForm, newRow } from '../wizard-form';
import { PerComputeList } from './per-compute-list';
import { Placement, StepBase } from './step-base';
import { STEP_IMPORTS } from './step-imports';

@Component({
  selector: 'vic-storage-step',
  imports: [...STEP_IMPORTS, NgTemplateOutlet, RowListComponent, ClrCheckboxModule, ClrSpinnerModule],
  template: `
    <p i18n>Choose where container images and volumes are kept.</p>
    @if (loading()) {
      <clr-spinner clrInline i18n>Loading the datastores</clr-spinner>
    }
    @if (loadError()) {
      <p class="vic-error" role="alert">{{ loadError() }}</p>
    }
    <ng-template #datastoreOptions let-free="free">
      <option value="" i18n>Not selected</option>
      @for (ds of datastores(); track ds.id) {
        <option [value]="ds.name">{{ ds.name }}@if (free) { ({{ freeOf(ds) }} free)}</option>
      }
    </ng-template>
    <form clrForm clrLayout="horizontal" clrLabelSize="3" [formGroup]="form">
      <clr-control-container>
        <label for="image-datastore" i18n>Image datastore</label>
        <div class="clr-select-wrapper"><select clrControl id="image-datastore" class="clr-select" formControlName="imageDatastore">
          <ng-container *ngTemplateOutlet="datastoreOptions; context: { free: true }" />
        </select></div>
        <input id="image-folder" formControlName="imageFolder" class="clr-input" aria-label="Image datastore folder" i18n-aria-label
               placeholder="Existing or new folder name" i18n-placeholder />
        <clr-control-error role="alert">{{ problem(c.imageDatastore) }}</clr-control-error>
      </clr-control-container>
      <clr-control-container>
        <label for="base-image-size" i18n>Max container VM image size</label>
        <input clrControl id="base-image-size" formControlName="baseImageSize" size="6" />
        <div class="clr-select-wrapper"><select id="base-image-unit" formControlName="baseImageUnit" class="clr-select" aria-label="Image size unit" i18n-aria-label>
          <option value="MiB" i18n>MB</option>
          <option value="GiB" i18n>GB</option>
        </select></div>
        <clr-control-helper i18n>This limit cannot be changed after deploying the VCH</clr-control-helper>
        <clr-control-error role="alert">{{ problem(c.baseImageSize) }}</clr-control-error>
      </clr-control-container>
      <clr-checkbox-wrapper>
        <input type="checkbox" clrCheckbox id="anonymous-volumes" formControlName="anonymousVolumes" />
        <label for="anonymous-volumes" i18n>Enable anonymous volumes</label>
      </clr-checkbox-wrapper>
      @if (c.anonymousVolumes.value) {
        <clr-control-container [formGroup]="c.defaultVolume">
          <label for="default-volume" i18n>Default volume datastore</label>
          <div class="clr-select-wrapper"><select clrControl id="default-volume" class="clr-select" formControlName="datastore">
            <ng-container *ngTemplateOutlet="datastoreOptions" />
          </select></div>
          <input id="default-volume-folder" formControlName="folder" class="clr-input" aria-label="Default volume folder" i18n-aria-label
                 placeholder="Optional folder name" i18n-placeholder />
          <clr-control-error role="alert">{{ problem(c.defaultVolume.controls.datastore) }}</clr-control-error>
        </clr-control-container>
      }
      <h4 i18n>Volume datastores</h4>
      <vic-row-list [rows]="c.volumes" [newRow]="addVolume" [min]="1" [removeLabel]="aria.removeVolume"
                    addLabel="Add a volume datastore" i18n-addLabel>
        <ng-template let-row let-i="index">
          <clr-control-container [formGroup]="row">
            <label [for]="'volume-ds-' + i" i18n>Volume datastore {{ i + 1 }}</label>
            <div class="clr-select-wrapper"><select clrControl [id]="'volume-ds-' + i" class="clr-select" formControlName="datastore">
              <ng-container *ngTemplateOutlet="datastoreOptions" />
            </select></div>
            <input [id]="'volume-folder-' + i" formControlName="folder" class="clr-input" placeholder="Optional folder name" i18n-placeholder
                   [attr.aria-label]="aria.volumeFolder(i + 1)" [attr.disabled]="row.value.datastore ? null : ''" />
            <input [id]="'volume-label-' + i" formControlName="label" class="clr-input" placeholder="Volume store name" i18n-placeholder
                   [attr.aria-label]="aria.volumeName(i + 1)" [attr.disabled]="row.value.datastore ? null : ''"
                   (blur)="row.controls.datastore.markAsTouched()" />
            <clr-control-error role="alert">{{ problem(row.controls.datastore) }}</clr-control-error>
          </clr-control-container>
        </ng-template>
      </vic-row-list>
    </form>
    <vic-step-issues [issues]="others()" />
  `,
  styles: ['.vic-error { color: var(--cds-alias-status-danger, #c21d00); }'],
})
export class StorageStepComponent extends StepBase<StorageForm> implements OnInit {
  private readonly api = inject(VicApiService);
  @Input({ required: true }) compute!: ComputeForm;
  readonly list = new PerComputeList<Datastore>((dc, compute) => this.api.datastores(dc, compute));
  readonly datastores = this.list.items;
  readonly loading = this.list.loading;
  readonly loadError = this.list.error;
  readonly addVolume = () => newRow.volume(this.form);

  get c() {
    return this.form.controls;
  }

  ngOnInit(): void {
    void this.load();
  }

  // The compute resource decides which datastores its hosts reach.
  load(): Promise<void> {
    return this.list.load(this.compute.getRawValue(), () => this.c.imageDatastore.setValue(''));
  }

  freeOf(ds: Datastore): string {
    return bytes(ds.free_bytes);
  }

  protected placements(): Placement[] {
    const shift = this.c.anonymousVolumes.value ? 1 : 0;
    return [
      { control: this.c.imageDatastore, path: 'storage.image_stores', label: 'The image datastore' },
      { control: this.c.baseImageSize, path: 'storage.base_image_size', label: 'The image size' },
      { control: this.c.defaultVolume.controls.datastore, path: 'storage.volume_stores[0]', label: 'The default volume store' },
      ...this.c.volumes.controls.map((row, i) => ({
        control: row.controls.datastore,
        path: `storage.volume_stores[${i + shift}]`,
        label: 'The volume store',
      })),
    ];
  }

  placed(): string[] {
    return ['storage'];
  }
}
