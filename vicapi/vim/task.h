#pragma once

#include <chrono>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "vicapi/base/stop_scope.h"
#include "vicapi/soap/node.h"
#include "vicapi/vim/moref.h"

namespace vic::vim {

class Client;

// A vSphere task. wait() reads it once, and when it has not ended follows it
// with an UpdateWatch, never sleeping between polls: the server answers when
// the task changes.
class Task {
 public:
  Task(Client& client, Moref ref, std::string description)
      : client_(&client), ref_(std::move(ref)), description_(std::move(description)) {}

  // Returns info.result (an empty node for tasks without one). Throws the
  // task's fault as a typed VimFault, TransportError when `timeout` passes,
  // or Cancelled as soon as `stop` is requested (the task itself runs on in
  // vCenter; the caller's undo deals with what it made).
  soap::Node wait(std::optional<std::chrono::seconds> timeout = std::nullopt,
                  std::stop_token stop = StopScope::current());

  // The same answer, found by reading the task's info with the session's
  // collector, first after a few milliseconds and then less often. Costs one
  // round trip for a task that finishes quickly (most VM power and
  // reconfigure tasks) where wait() costs four; for callers counting calls.
  soap::Node poll(std::chrono::milliseconds timeout = std::chrono::minutes(10));
  // Several tasks of one client followed together, one read per round; the
  // first failure is thrown once all have ended. Returns their results in order.
  static std::vector<soap::Node> pollAll(
      const std::vector<Task>& tasks, std::chrono::milliseconds timeout = std::chrono::minutes(10));

  const Moref& ref() const { return ref_; }

 private:
  Client* client_;
  Moref ref_;
  std::string description_;
};

}  // namespace vic::vim
