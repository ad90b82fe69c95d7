#pragma once

#include <stdexcept>
#include <string>

namespace vic {

// What kind of failure an error is, in the spirit of abseil's status codes.
// Every layer speaks only this vocabulary; the edges (the REST API, the CLI)
// each translate it once into their own (HTTP statuses, exit codes).
enum class ErrorCode {
  InvalidArgument,     // the caller sent something unusable; fixing it helps
  NotFound,            // a named object, file or record does not exist
  AlreadyExists,       // something of that name is there already
  FailedPrecondition,  // the object's state forbids it now (containers running, busy)
  Unauthenticated,     // no valid identity: credentials refused, session gone
  PermissionDenied,    // a known identity that may not do this
  Unavailable,         // a server on the way could not be reached or answered nonsense
  Cancelled,           // stopped on request: the appliance is shutting down
  Internal,            // a fault of ours or of the target that the caller cannot fix
};

// "invalid_argument", ...: for logs and JSON.
const char* codeName(ErrorCode code);

// Every error vicapi throws derives from this, so callers can catch the whole
// family; messages never contain credentials.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what, ErrorCode code = ErrorCode::Internal)
      : std::runtime_error(what), code_(code) {}
  // The code first, where the message is long.
  Error(ErrorCode code, const std::string& what) : std::runtime_error(what), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

// The code of any exception: a vic::Error's own, else Internal.
ErrorCode codeOf(const std::exception& e);

// The caller passed something unusable (bad path, bad thumbprint form, ...).
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& what) : Error(what, ErrorCode::InvalidArgument) {}
};

// The work was stopped through its stop token before it finished.
class Cancelled : public Error {
 public:
  explicit Cancelled(const std::string& what) : Error(what, ErrorCode::Cancelled) {}
};

// A named inventory object, file or record does not exist.
class NotFoundError : public Error {
 public:
  explicit NotFoundError(const std::string& what) : Error(what, ErrorCode::NotFound) {}
};

}  // namespace vic
