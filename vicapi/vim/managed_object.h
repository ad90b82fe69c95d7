#pragma once

#include <string>
#include <vector>

#include "vicapi/soap/node.h"
#include "vicapi/vim/moref.h"
#include "vicapi/vim/task.h"

namespace vic::vim {

class Client;

// Base of the typed wrappers: a client plus a reference, like govmomi's
// object.Common. Wrappers are cheap values; nothing is fetched on creation.
class ManagedObject {
 public:
  ManagedObject(Client& client, Moref ref) : client_(&client), ref_(std::move(ref)) {}

  const Moref& ref() const { return ref_; }
  Client& client() const { return *client_; }

  Task destroy();  // Destroy_Task, valid for every ManagedEntity

 protected:
  soap::Node call(const std::string& method, std::vector<soap::Node> args = {}) const;
  Task startTask(const std::string& method, std::vector<soap::Node> args = {}) const;

 private:
  Client* client_;
  Moref ref_;
};

}  // namespace vic::vim
