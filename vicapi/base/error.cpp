#include "vicapi/base/error.h"

namespace vic {

const char* codeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidArgument:
      return "invalid_argument";
    case ErrorCode::NotFound:
      return "not_found";
    case ErrorCode::AlreadyExists:
      return "already_exists";
    case ErrorCode::FailedPrecondition:
      return "failed_precondition";
    case ErrorCode::Unauthenticated:
      return "unauthenticated";
    case ErrorCode::PermissionDenied:
      return "permission_denied";
    case ErrorCode::Unavailable:
      return "unavailable";
    case ErrorCode::Cancelled:
      return "cancelled";
    case ErrorCode::Internal:
      return "internal";
  }
  return "internal";
}

ErrorCode codeOf(const std::exception& e) {
  const auto* error = dynamic_cast<const Error*>(&e);
  return error ? error->code() : ErrorCode::Internal;
}

}  // namespace vic
