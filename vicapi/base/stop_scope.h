#pragma once

#include <stop_token>

namespace vic {

// The stop token of the operation this thread works for. Whoever runs an
// operation (a plan) sets it for the operation's length; the waits deep
// inside (a vSphere task) read it, so that a shutdown reaches them without
// every function in between carrying a token.
class StopScope {
 public:
  explicit StopScope(std::stop_token token) : previous_(current_) { current_ = std::move(token); }
  ~StopScope() { current_ = std::move(previous_); }
  StopScope(const StopScope&) = delete;
  StopScope& operator=(const StopScope&) = delete;

  static const std::stop_token& current() { return current_; }

 private:
  std::stop_token previous_;
  static inline thread_local std::stop_token current_;
};

}  // namespace vic
