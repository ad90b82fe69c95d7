// How numbers and states read in the panes.

// What the panes count, in the singular and the plural of the UI's language.
const NOUNS = {
  appliance: () => [$localize`appliance`, $localize`appliances`],
  'container VM': () => [$localize`container VM`, $localize`container VMs`],
  'Virtual Container Host': () => [$localize`Virtual Container Host`, $localize`Virtual Container Hosts`],
};

// "1 appliance", "2 appliances", by the plural rule of the page's language
// (French says "0 appliance" too).
export function count(n: number, noun: keyof typeof NOUNS): string {
  const lang = typeof document === 'undefined' ? 'en' : document.documentElement.lang || 'en';
  const [one, other] = NOUNS[noun]();
  return `${n} ${new Intl.PluralRules(lang).select(n) === 'one' ? one : other}`;
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
  return answering ? $localize`${power}:state:, Docker API answering` : $localize`${power}:state:, Docker API not answering`;
}

export function powerState(state: string): string {
  switch (state) {
    case 'poweredOn':
      return $localize`Powered on`;
    case 'poweredOff':
      return $localize`Powered off`;
    case 'suspended':
      return $localize`Suspended`;
    default:
      return state || $localize`Unknown`;
  }
}

// The upgrade status words of the engine, shortened for a column.
export function upgradeLabel(status: string): string {
  if (status.startsWith('Upgradeable to ')) return $localize`Upgrade available`;
  const words: Record<string, string> = {
    'Up to date': $localize`Up to date`,
    'Upgrade in progress': $localize`Upgrade in progress`,
    'VCH has newer version': $localize`Newer than this appliance`,
  };
  return words[status] ?? status;
}
