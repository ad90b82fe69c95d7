#include "vicapi/net/errors.h"

namespace vic {

ThumbprintMismatch::ThumbprintMismatch(std::string host, std::string expected, std::string actual)
    : TlsError("the certificate of " + host + " has thumbprint " + actual +
               ", but the expected thumbprint is " + expected +
               "; check that this is the right server, then pass its thumbprint"),
      host_(std::move(host)),
      expected_(std::move(expected)),
      actual_(std::move(actual)) {}

}  // namespace vic
