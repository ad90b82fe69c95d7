import { HtmlClientSdk } from './client-sdk';

let ready: Promise<HtmlClientSdk> | undefined;

// The vSphere Client's SDK once initialised, initialised once: before the
// application starts (to learn the client's language) and after.
export function sdkReady(): Promise<HtmlClientSdk> {
  ready ??= new Promise((resolve, reject) => {
    const sdk = window.htmlClientSdk;
    if (!sdk) {
      reject(new Error($localize`This view runs inside the vSphere Client: open it from there.`));
      return;
    }
    sdk.initialize(() => resolve(sdk));
  });
  return ready;
}
