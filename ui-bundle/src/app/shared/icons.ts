import {
  ClarityIcons,
  checkCircleIcon,
  downloadIcon,
  errorStandardIcon,
  exclamationCircleIcon,
  exclamationTriangleIcon,
  helpInfoIcon,
  infoCircleIcon,
  pencilIcon,
  plusIcon,
  refreshIcon,
  trashIcon,
  updateIcon,
} from '@cds/core/icon';

// Only the shapes the views use, so the bundle stays small.
export function registerIcons(): void {
  ClarityIcons.addIcons(
    checkCircleIcon,
    downloadIcon,
    errorStandardIcon,
    exclamationCircleIcon,
    exclamationTriangleIcon,
    helpInfoIcon,
    infoCircleIcon,
    pencilIcon,
    plusIcon,
    refreshIcon,
    trashIcon,
    updateIcon,
  );
}
