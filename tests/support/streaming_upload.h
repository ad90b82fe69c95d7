#pragma once

#include <cstdint>
#include <string>

#include "tests/support/api_client.h"
#include "vicapi/tls/thumbprint.h"

namespace vic::test {

struct UploadOutcome {
  int status = 0;  // of the answer, 0 when none came
  std::string body;
  std::uint64_t bytesSent = 0;  // of the body
  bool continued = false;       // the server said "100 Continue"
};

// Sends a request whose chunked body is `total` bytes, as an attacker
// would: as fast as the server takes it, while watching for an answer, and
// stops once one comes or the connection closes. With `expectContinue`, asks
// for 100 Continue and sends the body only once it comes.
UploadOutcome sendChunkedBody(const std::string& host, unsigned short port,
                              const tls::Thumbprint& serverThumbprint, const std::string& method,
                              const std::string& path, const Headers& headers, std::uint64_t total,
                              bool expectContinue = false);

}  // namespace vic::test
