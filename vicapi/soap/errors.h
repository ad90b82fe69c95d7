#pragma once

#include <stdexcept>
#include <string>

namespace vic {

// Every error vicapi throws derives from this, so callers can catch the whole
// family; messages never contain credentials.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The server could not be reached, the connection broke, or it timed out.
class TransportError : public Error {
 public:
  using Error::Error;
};

// The TLS handshake failed or the server's certificate was not trusted.
class TlsError : public TransportError {
 public:
  using TransportError::TransportError;
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

// The server answered with something that is not the SOAP we expected.
class ProtocolError : public Error {
 public:
  using Error::Error;
};

// The caller passed something unusable (bad path, bad thumbprint form, ...).
class UsageError : public Error {
 public:
  using Error::Error;
};

}  // namespace vic

namespace vic {

// A named inventory object, file or record does not exist.
class NotFoundError : public Error {
 public:
  using Error::Error;
};

}  // namespace vic
