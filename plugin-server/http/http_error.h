#pragma once

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

}  // namespace vic::server
