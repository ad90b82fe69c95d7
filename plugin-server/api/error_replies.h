#pragma once

#include <exception>

#include "plugin-server/httpd/http_error.h"
#include "vicapi/base/error.h"

namespace vic::server {

// The HTTP status for each code of the error vocabulary: the one place where
// the product's errors become HTTP.
int statusFor(ErrorCode code);

// The status and body for any exception a handler lets out, following the
// original's codes except where the issue asks for better: 401 for refused
// credentials (the original said 400), 409 for a name already taken (it
// said 500), 422 for schema problems.
ErrorReply replyFor(const std::exception_ptr& error);

}  // namespace vic::server
