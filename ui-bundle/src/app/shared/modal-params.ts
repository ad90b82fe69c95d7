import { ActivatedRoute } from '@angular/router';

import { VchListItem } from '../api/models';
import { VicApiService } from '../api/vic-api.service';
import { morefOf } from '../sdk/client-sdk';
import { ClientSdkService } from '../sdk/client-sdk.service';

// The VCH a modal view is about, from its URL (#/delete-vch?id=vm-42&name=x).
export function vchParams(route: ActivatedRoute): { id: string; name: string } {
  const q = route.snapshot.queryParamMap;
  return { id: q.get('id') ?? '', name: q.get('name') ?? q.get('id') ?? '' };
}

// The VCH a dialog is about, as the list knows it. Opened from the list, its
// URL names it; opened from a VM's Actions menu in the vSphere Client, the VM
// does, and `vch` is filled in from it. A VM that is no VCH is an error that
// says so.
export async function dialogVch(
  vch: { id: string; name: string },
  sdk: ClientSdkService,
  api: VicApiService,
): Promise<VchListItem> {
  if (!vch.id) {
    const [context] = await sdk.contextObjects();
    vch.id = (context && morefOf(context.id)?.value) ?? '';
  }
  const item = (await api.vchs()).find((v) => v.id === vch.id);
  if (!item) throw new Error($localize`The VM ${vch.id}:vm: is not a Virtual Container Host: this action applies to a VCH's endpoint VM.`);
  vch.name = item.name;
  return item;
}
