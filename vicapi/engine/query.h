#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vicapi/engine/model/vch.h"
#include "vicapi/engine/vch_record.h"
#include "vicapi/version/version.h"

namespace vic::engine {

// One row of the VCH list (the 1.5 VCH_List_Item, plus where it lives).
struct VchListItem {
  std::string id;  // the endpoint VM's reference value
  std::string name;
  ObjectRef parent;  // the VCH's pool: {id, name}
  std::string version;
  std::string powerState;
  std::string upgradeStatus;
  std::string adminPortal;
  std::string dockerHost;
  std::string daemonVersion;    // what its endpoint daemon reported running
  std::string datacenter;       // its datacenter's reference value
  std::string rollbackVersion;  // what the last upgrade replaced
};

struct ListScope {
  std::optional<vim::Moref> datacenter;       // else every datacenter
  std::optional<vim::Moref> computeResource;  // only VCHs under it
};

// More VCHs than a vCenter has VMs: a list that long is refused (ProtocolError).
inline constexpr std::size_t kMaxListedVchs = 50'000;

// Every VCH in scope, in one property-collector pass through a container
// view whatever their number: a view, one retrieval, the view's removal.
std::vector<VchListItem> listVchs(vim::Client& client, const ListScope& scope,
                                  const version::Version& appliance);

// The model as created (without secrets), with live limits, endpoint size
// and runtime state.
Vch inspectVch(vim::Client& client, const std::string& id, const version::Version& appliance);
Vch describeVch(const VchRecord& record, const version::Version& appliance);

}  // namespace vic::engine
