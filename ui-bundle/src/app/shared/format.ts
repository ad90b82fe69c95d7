// How numbers and states read in the panes.

// "1 appliance", "2 appliances": `many` defaults to `one` + "s".
export function count(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

// A sentence's first letter in capitals, except in names such as vCenter
// and vSphere, whose capital comes second.
export function capitalized(text: string): string {
  if (/^[a-z][A-Z]/.test(text)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
export function bytes(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0 B';
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v >= 100 || i === 0 ? v.toFixed(0) : v.toFixed(2)} ${units[i]}`;
}

// A VCH's state as the list says it: power, and for one powered on whether
// its Docker API answers (when the appliance was asked to look).
export function vchStatus(state: string, answering: boolean | undefined): string {
  const power = powerState(state);
  if (state !== 'poweredOn' || answering === undefined) return power;
  return `${power}, ${answering ? 'Docker API answering' : 'Docker API not answering'}`;
}

export function powerState(state: string): string {
  switch (state) {
    case 'poweredOn':
      return 'Powered on';
    case 'poweredOff':
      return 'Powered off';
    case 'suspended':
      return 'Suspended';
    default:
      return state || 'Unknown';
  }
}

// The upgrade status words of the engine, shortened for a column.
export function upgradeLabel(status: string): string {
  if (status.startsWith('Upgradeable to ')) return 'Upgrade available';
  return status;
}
