// Hands `data` to the browser as a file download named `name`.
export function saveFile(data: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(data);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

// The /certificates resource of a task, from the task's URI (kept with its query).
export function certificatesUri(taskUri: string): string {
  const [path, query] = taskUri.split('?');
  return `${path}/certificates${query ? '?' + query : ''}`;
}

// The docker command that uses a downloaded client bundle, run where it was unzipped.
export function dockerCommand(dockerHost: string | undefined): string {
  return `docker --tlsverify --tlscacert=ca.pem --tlscert=cert.pem --tlskey=key.pem -H ${dockerHost || '<VCH address>:2376'} info`;
}
