import { AfterViewChecked, Directive, ElementRef, inject } from '@angular/core';

// Clarity 17.9 names a column's filter button only when the filter's inputs
// change, which the built-in string filter of [clrDgField] never does: the
// button stays without an accessible name. This names each such button after
// its column, as Clarity's own wording would ("Name filter").
@Directive({ selector: 'clr-datagrid[vicFilterLabels]' })
export class DatagridFilterLabelsDirective implements AfterViewChecked {
  private readonly host = inject(ElementRef<HTMLElement>);

  ngAfterViewChecked(): void {
    const root = this.host.nativeElement as HTMLElement;
    for (const button of Array.from(root.querySelectorAll<HTMLButtonElement>('button.datagrid-filter-toggle:not([aria-label])'))) {
      const title = button.closest('clr-dg-column')?.querySelector('.datagrid-column-title')?.textContent?.trim();
      if (title) button.setAttribute('aria-label', $localize`${title}:column: filter`);
    }
  }
}
