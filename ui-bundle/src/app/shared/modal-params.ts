import { ActivatedRoute } from '@angular/router';

// The VCH a modal view is about, from its URL (#/delete-vch?id=vm-42&name=x).
export function vchParams(route: ActivatedRoute): { id: string; name: string } {
  const q = route.snapshot.queryParamMap;
  return { id: q.get('id') ?? '', name: q.get('name') ?? q.get('id') ?? '' };
}
