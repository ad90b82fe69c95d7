// A compute resource as an administrator names it: its path below the
// datacenter's host folder ("DC0_C0", "DC0_C0/Resources/web"), which
// vic-machine and the appliance resolve within the datacenter.
export function adminName(node: { path: string; name: string }): string {
  const below = node.path?.split('/host/')[1];
  return below || node.path || node.name;
}
