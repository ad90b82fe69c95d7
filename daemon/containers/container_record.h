#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vicapi/engine/guestinfo/flatten.h"
#include "vicapi/vim/moref.h"

namespace vic::endpoint {

// A volume mounted into a container, as recorded at create.
struct MountRecord {
  std::string name;  // the volume's name
  std::string destination;
  bool anonymous = false;  // made for this container; `rm -v` removes it
  bool readOnly = false;
};

// A container as it lives in vCenter: a VM whose extraConfig holds these
// values (keys in vicapi/engine/GUESTINFO.md) and whose power state is its
// state. Nothing about a container is kept anywhere else.
struct ContainerRecord {
  std::string id;  // 64 hex digits
  std::string name;
  std::string image;                                 // as asked for, "registry:5000/busybox:latest"
  std::string imageId;                               // "sha256:..."
  nlohmann::json config = nlohmann::json::object();  // Docker's Config (Cmd, Env, Labels, ...)
  nlohmann::json hostConfig = nlohmann::json::object();  // PortBindings, RestartPolicy, Binds
  std::vector<MountRecord> mounts;
  std::string created;     // RFC 3339
  std::string startedAt;   // last start, empty before the first
  std::string finishedAt;  // last stop
  int exitCode = 0;

  // From vCenter.
  vim::Moref vm;
  std::string vmName;
  std::string powerState;  // poweredOn, poweredOff, suspended

  bool running() const { return powerState == "poweredOn"; }
  // Docker's State.Status: created, running, paused, exited.
  std::string status() const;
  // "8080:80/tcp,..." as the Containers pane shows them.
  std::string portsText() const;
};

inline constexpr const char* kContainerPrefix = "guestinfo.vice./container/";

// The extraConfig of a new container VM (the VCH's own reference included).
engine::guestinfo::KeyValues toExtraConfig(const ContainerRecord& c, const vim::Moref& vch);
// The keys that change when a container starts, stops or is renamed.
engine::guestinfo::KeyValues stateKeys(const ContainerRecord& c);
engine::guestinfo::KeyValues nameKeys(const ContainerRecord& c);
// A container of `vch` from one VM's properties; false when the VM is not one.
bool fromExtraConfig(const engine::guestinfo::KeyValues& keys, const vim::Moref& vch,
                     ContainerRecord& out);

}  // namespace vic::endpoint
