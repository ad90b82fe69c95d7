import { pem } from '../field-rules';
import { PemFile } from '../wizard-state';

// Reads the file an <input type=file> holds as a PEM; '' when it is not one.
export async function readPem(
  event: Event,
  kind: 'CERTIFICATE' | 'PRIVATE KEY',
): Promise<{ file?: PemFile; problem: string }> {
  const input = event.target as HTMLInputElement;
  const f = input.files?.[0];
  input.value = '';
  if (!f) return { problem: '' };
  const text = await f.text();
  if (!pem(text, kind))
    return {
      problem:
        kind === 'CERTIFICATE'
          ? $localize`Failed to parse ${f.name}:file:: it holds no PEM certificate`
          : $localize`Failed to parse ${f.name}:file:: it holds no PEM private key`,
    };
  return { file: { name: f.name, pem: text.replace(/\r\n/g, '\n') }, problem: '' };
}
