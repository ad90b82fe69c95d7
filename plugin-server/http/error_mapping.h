#pragma once

#include <exception>

#include <nlohmann/json.hpp>

namespace vic::server {

struct ErrorReply {
  int status = 500;
  nlohmann::json body;  // {"message": ..., maybe "issues": [...]}
};

// The status and body for any exception a handler lets out, following the
// original's codes except where the issue asks for better: 401 for refused
// credentials (the original said 400), 409 for a name already taken (it
// said 500), 422 for schema problems.
ErrorReply replyFor(const std::exception_ptr& error);

}  // namespace vic::server
