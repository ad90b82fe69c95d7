import { Injector } from '@angular/core';
import { ClrCommonStrings, ClrCommonStringsService } from '@clr/angular';

// Clarity's own words that the plug-in's views show or read out (datagrid,
// alerts, wizard, modals), in the UI's language. {COLUMN} and the like are
// Clarity's placeholders and stay as they are.
export function clarityStrings(): Partial<ClrCommonStrings> {
  return {
    open: $localize`:Clarity control|:Open`,
    close: $localize`:Clarity control|:Close`,
    show: $localize`:Clarity control|:Show`,
    hide: $localize`:Clarity control|:Hide`,
    expand: $localize`:Clarity control|:Expand`,
    collapse: $localize`:Clarity control|:Collapse`,
    more: $localize`:Clarity control|:More`,
    select: $localize`:Clarity control|:Select`,
    selectAll: $localize`:Clarity control|:Select All`,
    previous: $localize`:Clarity control|:Previous`,
    next: $localize`:Clarity control|:Next`,
    cancel: $localize`:Clarity control|:Cancel`,
    info: $localize`:Clarity control|:Info`,
    success: $localize`:Clarity control|:Success`,
    warning: $localize`:Clarity control|:Warning`,
    danger: $localize`:Clarity control|:Error`,
    rowActions: $localize`:Clarity control|:Available actions`,
    pickColumns: $localize`:Clarity control|:Manage Columns`,
    showColumns: $localize`:Clarity control|:Show Columns`,
    sortColumn: $localize`:Clarity control|:Sort Column`,
    firstPage: $localize`:Clarity control|:First Page`,
    lastPage: $localize`:Clarity control|:Last Page`,
    nextPage: $localize`:Clarity control|:Next Page`,
    previousPage: $localize`:Clarity control|:Previous Page`,
    currentPage: $localize`:Clarity control|:Current Page`,
    totalPages: $localize`:Clarity control|:Total Pages`,
    filterItems: $localize`:Clarity control|:Filter items`,
    modalContentStart: $localize`:Clarity control|:Beginning of Modal Content`,
    modalContentEnd: $localize`:Clarity control|:End of Modal Content`,
    showColumnsMenuDescription: $localize`:Clarity control|:Show or hide columns menu`,
    allColumnsSelected: $localize`:Clarity control|:All columns selected`,
    loading: $localize`:Clarity control|:Loading`,
    detailPaneStart: $localize`:Clarity control|:Start of row details`,
    detailPaneEnd: $localize`:Clarity control|:End of row details`,
    singleActionableAriaLabel: $localize`:Clarity control|:Single actionable header`,
    detailExpandableAriaLabel: $localize`:Clarity control|:Toggle more row content`,
    datagridFilterAriaLabel: $localize`:Clarity control|:{COLUMN} filter`,
    datagridFilterLabel: $localize`:Clarity control|:{COLUMN} filter`,
    datagridFilterDialogAriaLabel: $localize`:Clarity control|:Filter dialog`,
    columnSeparatorAriaLabel: $localize`:Clarity control|:Column resize handle`,
    columnSeparatorDescription: $localize`:Clarity control|:Use left or right key to resize the column`,
    alertCloseButtonAriaLabel: $localize`:Clarity control|:Close alert`,
    wizardStep: $localize`:Clarity control|:Step`,
    wizardStepSuccess: $localize`:Clarity control|:Completed`,
    wizardStepError: $localize`:Clarity control|:Error`,
    wizardStepnavAriaLabel: $localize`:Clarity control|:Wizard steps`,
    passwordHide: $localize`:Clarity control|:Hide password for {LABEL}`,
    passwordShow: $localize`:Clarity control|:Show password for {LABEL}`,
    selectedRows: $localize`:Clarity control|:Selected rows`,
  };
}

export function useClarityStrings(injector: Injector): void {
  injector.get(ClrCommonStringsService).localize(clarityStrings());
}
