#include "vicapi/util/secret.h"

#include <openssl/crypto.h>

namespace vic {

void Secret::wipe() noexcept {
  // OPENSSL_cleanse is not optimised away, unlike a plain memset before free.
  if (!value_.empty()) OPENSSL_cleanse(value_.data(), value_.size());
  value_.clear();
}

}  // namespace vic
