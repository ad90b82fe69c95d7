#pragma once

#include <optional>
#include <string>

#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/util/secret.h"
#include "vicapi/vim/moref.h"
#include "vicapi/vim/resource_spec.h"

namespace vic::vim {
class Client;
}

namespace vic::engine {

// A VCH as read back from vCenter in one retrieval: its endpoint VM, what
// create stored in the VM, and the live state that inspect reports.
struct VchRecord {
  vim::Moref vm;
  std::string name;
  guestinfo::KeyValues extraConfig;
  guestinfo::StoredVch stored;
  std::string powerState;
  int numCpus = 0;
  long long memoryMB = 0;
  std::string guestIp;
  vim::Moref pool;
  vim::Moref datastore;  // the endpoint VM's, where its folder and logs are
  std::string poolName;
  std::optional<vim::ResourceConfigSpec> poolConfig;
};

// `id` is the VM's reference value ("vm-42") or "VirtualMachine:vm-42".
// NotFoundError when there is no such VM, or when the VM is not a VCH.
VchRecord loadVch(vim::Client& client, const std::string& id);

// The key the VCH's secrets are sealed with: from extraConfig, or, where
// vCenter does not show that key, from the VM's .vmx file on the datastore.
Secret sealingKey(vim::Client& client, const VchRecord& r);

// The stored model with its secrets opened, for operations that rewrite it.
Vch modelWithSecrets(vim::Client& client, const VchRecord& r);

// The address clients reach the endpoint on: the client network's static
// address, else what the endpoint reported, else the VM's guest address.
std::string endpointAddress(const VchRecord& r);
std::string dockerHost(const Vch& model, const std::string& address);  // "10.0.0.5:2376"
std::string adminPortal(const std::string& address);                   // "https://10.0.0.5:2378"

}  // namespace vic::engine
