#pragma once

#include <string>

#include "vicapi/util/secret.h"

namespace vic::engine::guestinfo {

// Secrets kept in a VCH's extraConfig (the server's private key, the
// operations password) are sealed with AES-256-GCM under a key of the VCH's
// own, so that they do not show in clear in the VM's advanced settings.
// Sealed form: base64(nonce || ciphertext || tag).
Secret newSealingKey();  // base64 of 32 random bytes
std::string seal(const Secret& key, const Secret& plain);
// Throws Error when the key is wrong or the text was altered.
Secret unseal(const Secret& key, const std::string& sealed);

}  // namespace vic::engine::guestinfo
