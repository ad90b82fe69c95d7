#pragma once

#include <exception>
#include <functional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace vic::server {

// An error that already knows its HTTP status. Its body is {"message": ...}
// plus any `extra` members (issues with their JSON paths, for example).
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string message, nlohmann::json extra = nlohmann::json::object())
      : std::runtime_error(message), status_(status), extra_(std::move(extra)) {}
  int status() const { return status_; }
  const nlohmann::json& extra() const { return extra_; }

 private:
  int status_;
  nlohmann::json extra_;
};

struct ErrorReply {
  int status = 500;
  nlohmann::json body;  // {"message": ..., maybe "issues": [...]}
};

// Turns what a handler let out into its answer; the API supplies it, so that
// this HTTP layer knows nothing of the product's errors.
using ErrorReplies = std::function<ErrorReply(const std::exception_ptr&)>;

}  // namespace vic::server
