// The names the rules give each role network's fields.
export interface RoleWords {
  title: string;
  ip: string;
  gateway: string;
  addressing: string;
  routing: string;
  hint: string;
  cidr: () => string;
}
export const roleWords = (): Record<string, RoleWords> => ({
  public: {
    title: $localize`Public network`,
    ip: $localize`Public network IP (CIDR)`,
    gateway: $localize`Public network gateway`,
    addressing: $localize`Public network addressing`,
    routing: $localize`Public network routing destinations`,
    hint: '',
    cidr: () => $localize`Public network CIDR`,
  },
  client: {
    title: $localize`Client network`,
    ip: $localize`Client network IP (CIDR)`,
    gateway: $localize`Client network gateway`,
    addressing: $localize`Client network addressing`,
    routing: $localize`Client network routing destinations`,
    hint: $localize`If not configured, it shares the public network`,
    cidr: () => $localize`Client network CIDR`,
  },
  management: {
    title: $localize`Management network`,
    ip: $localize`Management network IP (CIDR)`,
    gateway: $localize`Management network gateway`,
    addressing: $localize`Management network addressing`,
    routing: $localize`Management network routing destinations`,
    hint: $localize`If not configured, it shares the client network`,
    cidr: () => $localize`Management network CIDR`,
  },
});
