// Angular's forms come partly compiled; the JIT compiler finishes them outside a build.
import '@angular/compiler';
import { describe, expect, it } from 'vitest';

import { clearServerMarks, markFromServer, problemOf, touchAll } from '../shared/control-rules';
import { newRow, wizardForm, wizardValue } from './wizard-form';
import { initialState } from './wizard-state';

describe('the wizard form', () => {
  it('holds the original defaults and gives them back as the wizard state', () => {
    expect(wizardValue(wizardForm())).toEqual(initialState());
  });

  it('checks a field against its neighbours as they change', () => {
    const storage = wizardForm().controls.storage;
    const row = storage.controls.volumes.at(0);
    row.patchValue({ label: '' });
    expect(problemOf(row.controls.datastore)).toBe(''); // no datastore: the row is unused
    row.patchValue({ datastore: 'LocalDS_0' });
    expect(problemOf(row.controls.datastore)).toBe('Docker volume name cannot be empty');
    row.patchValue({ label: 'default' });
    expect(row.valid).toBe(true);
    // The default volume store is needed only with anonymous volumes.
    const fallback = storage.controls.defaultVolume.controls.datastore;
    expect(fallback.valid).toBe(true);
    storage.patchValue({ anonymousVolumes: true });
    expect(problemOf(fallback)).toBe('Default volume datastore should be selected');
  });

  it('bounds a limit by the resource chosen, and rechecks it when another is chosen', () => {
    const compute = wizardForm().controls.compute;
    compute.patchValue({ cpuLimit: '5000' });
    expect(compute.controls.cpuLimit.valid).toBe(true);
    compute.patchValue({ cpuMaxMhz: 4000 });
    expect(problemOf(compute.controls.cpuLimit)).toBe('CPU limit cannot be bigger than 4000 MHz');
  });

  it('counts advanced fields only while Advanced is open', () => {
    const compute = wizardForm().controls.compute;
    compute.patchValue({ resourceId: 'domain-c1', cpuReservation: 'lots' });
    expect(compute.valid).toBe(true);
    compute.patchValue({ advanced: true });
    expect(problemOf(compute.controls.cpuReservation)).toBe('CPU reservation should be a number');
  });

  it('shows a port problem on its registry row, in insecure mode only', () => {
    const registry = wizardForm().controls.registry;
    const row = registry.controls.insecure.at(0);
    row.patchValue({ port: '99999' });
    expect(problemOf(row.controls.host)).toBe('Port must be from 1 to 65535');
    registry.patchValue({ whitelistMode: true });
    expect(row.controls.host.valid).toBe(true);
  });

  it('needs the first whitelist row only, and gives added rows their rules', () => {
    const registry = wizardForm().controls.registry;
    registry.patchValue({ whitelistMode: true });
    const first = registry.controls.whitelist.at(0);
    expect(problemOf(first.controls.address)).toBe('Whitelist registry cannot be empty');
    const added = newRow.whitelist(registry);
    registry.controls.whitelist.push(added);
    expect(added.controls.address.valid).toBe(true); // empty and not first: skipped
    added.patchValue({ address: 'not a registry!' });
    expect(problemOf(added.controls.address)).toBe('IP address, FQDN, CIDR, or Wildcard domain is not valid');
    // Once the first row goes, the added one is the first and is needed.
    registry.controls.whitelist.removeAt(0);
    added.patchValue({ address: '' });
    expect(problemOf(added.controls.address)).toBe('Whitelist registry cannot be empty');
  });

  it('keeps the appliance word on a field until the field changes, or Next asks again', () => {
    const general = wizardForm().controls.general;
    const name = general.controls.name;
    markFromServer(name, 'The name is already in use');
    expect(problemOf(name)).toBe('The name is already in use');
    expect(name.touched).toBe(true);
    general.patchValue({ debug: 2 }); // a neighbour's edit leaves it standing
    expect(problemOf(name)).toBe('The name is already in use');
    name.setValue('vch-2');
    expect(problemOf(name)).toBe('');
    name.setValue('virtual-container-host');
    expect(name.valid).toBe(true); // back to the old value: the word is gone for good

    markFromServer(name, 'The name is already in use');
    clearServerMarks(general);
    touchAll(general);
    expect(general.valid).toBe(true);
  });

  it('shows every problem of a step once Next is tried', () => {
    const operations = wizardForm().controls.operations;
    expect(operations.controls.user.touched).toBe(false);
    touchAll(operations);
    expect(operations.controls.user.touched).toBe(true);
    expect(problemOf(operations.controls.user)).toBe('Operations user cannot be empty');
    expect(problemOf(operations.controls.password)).toBe('Operations user password cannot be empty');
  });
});
