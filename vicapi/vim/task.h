#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "vicapi/soap/node.h"
#include "vicapi/vim/moref.h"

namespace vic::vim {

class Client;

// A vSphere task. wait() follows it with WaitForUpdatesEx on a property
// collector of its own (so concurrent waits never steal each other's
// updates) and never sleeps between polls: the server answers when the task
// changes.
class Task {
 public:
  Task(Client& client, Moref ref, std::string description)
      : client_(&client), ref_(std::move(ref)), description_(std::move(description)) {}

  // Returns info.result (an empty node for tasks without one). Throws the
  // task's fault as a typed VimFault, or TransportError when `timeout` passes.
  soap::Node wait(std::optional<std::chrono::seconds> timeout = std::nullopt);

  const Moref& ref() const { return ref_; }

 private:
  Client* client_;
  Moref ref_;
  std::string description_;
};

}  // namespace vic::vim
