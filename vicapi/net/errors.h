#pragma once

#include <string>

#include "vicapi/base/error.h"

namespace vic {

// The server could not be reached, the connection broke, or it timed out.
class TransportError : public Error {
 public:
  explicit TransportError(const std::string& what, ErrorCode code = ErrorCode::Unavailable)
      : Error(what, code) {}
};

// The TLS handshake failed or the server's certificate was not trusted: the
// caller fixes that with the thumbprint or CA it passes.
class TlsError : public TransportError {
 public:
  explicit TlsError(const std::string& what) : TransportError(what, ErrorCode::InvalidArgument) {}
};

// The server presented a certificate whose thumbprint is not the pinned one.
class ThumbprintMismatch : public TlsError {
 public:
  ThumbprintMismatch(std::string host, std::string expected, std::string actual);
  const std::string& host() const { return host_; }
  const std::string& expected() const { return expected_; }
  const std::string& actual() const { return actual_; }

 private:
  std::string host_, expected_, actual_;
};

// The server answered with something that is not what its protocol promises.
class ProtocolError : public Error {
 public:
  explicit ProtocolError(const std::string& what) : Error(what, ErrorCode::Unavailable) {}
};

}  // namespace vic
