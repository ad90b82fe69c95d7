#include "vicapi/engine/configure.h"

#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/engine/errors.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/engine/pool_spec.h"
#include "vicapi/engine/query.h"
#include "vicapi/engine/vch_record.h"
#include "vicapi/vim/client.h"

namespace vic::engine {

namespace gi = guestinfo;
using nlohmann::json;

namespace {

// What create fixed for good, as JSON pointers with their dotted paths.
const std::vector<std::pair<std::string, std::string>>& immutableFields() {
  static const std::vector<std::pair<std::string, std::string>> kFields = {
      {"/name", "name"},
      {"/compute/resource", "compute.resource"},
      {"/compute/affinity", "compute.affinity"},
      {"/compute/vapp", "compute.vapp"},
      {"/network/bridge", "network.bridge"},
      {"/network/public/port_group", "network.public.port_group"},
      {"/network/public/static", "network.public.static"},
      {"/network/public/gateway", "network.public.gateway"},
      {"/network/client/port_group", "network.client.port_group"},
      {"/network/client/static", "network.client.static"},
      {"/network/client/gateway", "network.client.gateway"},
      {"/network/management/port_group", "network.management.port_group"},
      {"/network/management/static", "network.management.static"},
      {"/network/management/gateway", "network.management.gateway"},
      {"/storage/image_stores", "storage.image_stores"},
      {"/storage/base_image_size", "storage.base_image_size"},
      {"/auth/no_tls", "auth.no_tls"},
      {"/endpoint/memory", "endpoint.memory"},
      {"/endpoint/cpu", "endpoint.cpu"},
  };
  return kFields;
}

std::string refValue(const std::string& id) {
  const auto colon = id.find(':');
  return colon == std::string::npos ? id : id.substr(colon + 1);
}

bool endsWithSegment(const std::string& path, const std::string& name) {
  return path.size() > name.size() &&
         path.compare(path.size() - name.size(), name.size(), name) == 0 &&
         path[path.size() - name.size() - 1] == '/';
}

// Whether `desired` names the object `current` records: by id where both
// have one, else by name, an inventory path and its last part being the same.
bool sameObject(const ObjectRef& current, const ObjectRef& desired) {
  if (!desired.id.empty() && !current.id.empty())
    return refValue(desired.id) == refValue(current.id);
  const std::string& a = current.name;
  const std::string& b = desired.name;
  return !b.empty() && (a == b || endsWithSegment(a, b) || endsWithSegment(b, a));
}

// `desired` with each reference that names the current object written as
// the current one is, so that what is compared below is the choice, not its spelling.
Vch withCurrentSpelling(const Vch& current, Vch desired) {
  auto align = [](const ObjectRef& mine, ObjectRef& theirs) {
    if (sameObject(mine, theirs)) theirs = mine;
  };
  align(current.compute.resource, desired.compute.resource);
  if (current.network.bridge && desired.network.bridge)
    align(current.network.bridge->portGroup, desired.network.bridge->portGroup);
  for (auto [mine, theirs] : {std::pair{&current.network.publicNet, &desired.network.publicNet},
                              std::pair{&current.network.client, &desired.network.client},
                              std::pair{&current.network.management, &desired.network.management}})
    if (*mine && *theirs) align((*mine)->portGroup, (*theirs)->portGroup);
  for (auto& theirs : desired.network.container)
    for (const auto& mine : current.network.container)
      if (mine.alias == theirs.alias) align(mine.portGroup, theirs.portGroup);
  return desired;
}

// Whether `desired` says something other than `before`. A member it leaves
// out, at any depth, is unchanged: a body as it was sent to create (without
// the defaults create filled in) changes nothing.
bool differs(const json& before, const json& desired) {
  if (desired.is_object() && before.is_object()) {
    for (const auto& [key, value] : desired.items())
      if (differs(before.contains(key) ? before[key] : json(), value)) return true;
    return false;
  }
  if (desired.is_array() && before.is_array()) {
    if (desired.size() != before.size()) return true;
    for (std::size_t i = 0; i < desired.size(); ++i)
      if (differs(before[i], desired[i])) return true;
    return false;
  }
  return desired != before;
}

std::string nameOf(const VolumeStore& v) {
  return "\"" + v.label + "\" (" + v.datastore + ")";
}
std::string nameOf(const ContainerNetwork& n) {
  return "\"" + n.alias + "\" (" + (n.portGroup.name.empty() ? n.portGroup.id : n.portGroup.name) +
         ")";
}

// Volume stores and container networks may be added, as 1.5's configure
// allowed, but one that exists stays as it is: containers use it by name.
template <typename T, typename Same>
void checkOnlyAdded(const std::vector<T>& current, const std::vector<T>& desired,
                    const std::string& path, const char* what, Same same, Issues& issues) {
  if (desired.empty()) return;  // left out: unchanged
  for (const auto& mine : current) {
    const bool kept = std::any_of(desired.begin(), desired.end(),
                                  [&](const T& theirs) { return same(mine, theirs); });
    if (!kept)
      issues.add(path,
                 std::string(what) + " can be added but not removed or changed; keep " +
                     nameOf(mine) + " as it is",
                 IssueCode::AlreadyExists);
  }
}

std::string withoutScheme(const std::string& datastore) {
  return datastore.rfind("ds://", 0) == 0 ? datastore.substr(5) : datastore;
}

bool sameStore(const VolumeStore& a, const VolumeStore& b) {
  return a.label == b.label && withoutScheme(a.datastore) == withoutScheme(b.datastore);
}

// What `b` leaves out of a network it names stays as `a` has it.
bool sameNetwork(const ContainerNetwork& a, const ContainerNetwork& b) {
  return a.alias == b.alias && sameObject(a.portGroup, b.portGroup) &&
         (!b.gateway || a.gateway == b.gateway) &&
         (b.ipRanges.empty() || a.ipRanges == b.ipRanges) &&
         (b.nameservers.empty() || a.nameservers == b.nameservers) &&
         (b.firewall.empty() || a.firewall == b.firewall);
}

// `current` with what `desired` adds after it, matched by `key`.
template <typename T, typename Key>
std::vector<T> withAdded(std::vector<T> current, const std::vector<T>& desired, Key key) {
  for (const auto& theirs : desired)
    if (std::none_of(current.begin(), current.end(),
                     [&](const T& mine) { return key(mine) == key(theirs); }))
      current.push_back(theirs);
  return current;
}

void checkImmutable(const Vch& current, const Vch& desired, Issues& issues) {
  checkOnlyAdded(current.storage.volumeStores, desired.storage.volumeStores,
                 "storage.volume_stores", "Volume stores", sameStore, issues);
  checkOnlyAdded(current.network.container, desired.network.container, "network.container",
                 "Container networks", sameNetwork, issues);
  const json jc = vchToJson(current, false);
  const json jd = vchToJson(withCurrentSpelling(current, desired), false);
  for (const auto& [ptr, path] : immutableFields()) {
    const json::json_pointer p(ptr);
    if (!jd.contains(p)) continue;  // left out: unchanged
    const json before = jc.contains(p) ? jc[p] : json();
    if (differs(before, jd[p]))
      // A conflict with what exists (409, as 1.5 clients expect), not a bad value.
      issues.add(path,
                 "cannot be changed after the VCH is created (it is " +
                     (before.is_null() ? std::string("not set") : before.dump()) + ")",
                 IssueCode::AlreadyExists);
  }
}

// The current model with the mutable fields taken from `desired`.
Vch merge(const Vch& current, const Vch& desired, bool& regenerate) {
  Vch m = current;
  m.debug = desired.debug.value_or(0);
  m.syslogAddr = desired.syslogAddr;
  m.compute.cpu = desired.compute.cpu;
  m.compute.memory = desired.compute.memory;
  for (auto [mine, theirs] : {std::pair{&m.network.publicNet, &desired.network.publicNet},
                              std::pair{&m.network.client, &desired.network.client},
                              std::pair{&m.network.management, &desired.network.management}})
    if (*mine && *theirs) (*mine)->nameservers = (*theirs)->nameservers;
  m.registry = desired.registry;
  m.storage.volumeStores = withAdded(current.storage.volumeStores, desired.storage.volumeStores,
                                     [](const VolumeStore& v) { return v.label; });
  m.network.container = withAdded(current.network.container, desired.network.container,
                                  [](const ContainerNetwork& n) { return n.alias; });
  if (desired.endpoint.operationsCredentials) {
    auto ops = *desired.endpoint.operationsCredentials;
    const auto& cur = current.endpoint.operationsCredentials;
    if (cur && ops.user == cur->user && ops.password.empty()) ops.password = cur->password;
    m.endpoint.operationsCredentials = ops;
  }
  regenerate = false;
  m.auth.noTlsVerify = desired.auth.noTlsVerify;
  m.auth.clientCas = desired.auth.clientCas;
  if (!desired.auth.serverCertificate.empty() &&
      desired.auth.serverCertificate != current.auth.serverCertificate) {
    m.auth.serverCertificate = desired.auth.serverCertificate;
    m.auth.serverPrivateKey = desired.auth.serverPrivateKey;
    m.auth.generate.reset();
  } else if (desired.auth.serverCertificate.empty() && desired.auth.generate &&
             !current.auth.noTls) {
    regenerate = true;
    m.auth.serverCertificate.clear();
    m.auth.serverPrivateKey = Secret();
    m.auth.generate = desired.auth.generate;
  }
  return m;
}

std::vector<std::string> changedPaths(const Vch& before, const Vch& after) {
  std::vector<std::string> out;
  const json a = vchToJson(before, false), b = vchToJson(after, false);
  for (const auto& top :
       {"debug", "syslog_addr", "compute", "network", "storage", "registry", "endpoint", "auth"}) {
    if (a.value(top, json()) != b.value(top, json())) out.push_back(top);
  }
  if (before.auth.serverPrivateKey.reveal() != after.auth.serverPrivateKey.reveal())
    out.push_back("auth.server.private_key");
  const auto& ob = before.endpoint.operationsCredentials;
  const auto& oa = after.endpoint.operationsCredentials;
  if (ob && oa && ob->password.reveal() != oa->password.reveal())
    out.push_back("endpoint.operations_credentials.password");
  return out;
}

// The extraConfig values that differ from what `prepared.next` and
// `placement` encode to.
gi::KeyValues configurationChanges(const PreparedConfigure& prepared,
                                   const gi::Placement& placement) {
  const VchRecord& record = prepared.record;
  const auto& changed = prepared.result.changed;
  gi::KeyValues wanted = gi::encode(prepared.next, placement, record.stored.id,
                                    record.stored.version, prepared.sealingKey);
  gi::KeyValues changes =
      gi::diff(record.extraConfig, wanted, std::string(gi::kConfigPrefix) + "/");
  changes.merge(gi::diff(record.extraConfig, wanted, std::string(gi::kPlacementPrefix) + "/"));
  // Sealed values always differ (fresh nonce): rewrite them only when the secret changed.
  for (auto it = changes.begin(); it != changes.end();) {
    const bool secret =
        it->first.size() > 7 && it->first.compare(it->first.size() - 7, 7, gi::kSecretSuffix) == 0;
    const bool secretChanged =
        (it->first == gi::kServerKeyKey &&
         std::count(changed.begin(), changed.end(), "auth.server.private_key")) ||
        (it->first == gi::kOpsPasswordKey &&
         std::count(changed.begin(), changed.end(), "endpoint.operations_credentials.password"));
    it = secret && !it->second.empty() && !secretChanged ? changes.erase(it) : std::next(it);
  }
  return changes;
}

}  // namespace

Vch currentModel(vim::Client& client, const std::string& id) {
  auto record = loadVch(client, id);
  return describeVch(record, version::current());
}

PreparedConfigure prepareConfigure(vim::Client& client, const std::string& id, const Vch& desired,
                                   const ConfigureOptions& options) {
  PreparedConfigure prepared;
  prepared.record = loadVch(client, id);
  const VchRecord& record = prepared.record;
  if (record.stored.locked)
    throw ConflictError("VCH " + record.name +
                        " is being upgraded or configured; try again when that has finished");
  Vch current = modelWithSecrets(client, record);
  // Live pool settings win over what create stored: someone may have edited the pool.
  {
    Vch live = describeVch(record, version::current());
    current.compute.cpu = live.compute.cpu;
    current.compute.memory = live.compute.memory;
    // With the ids of VCHs that stored their references by name only.
    current.compute.resource = live.compute.resource;
    current.network = live.network;
  }

  Issues issues;
  checkImmutable(current, desired, issues);
  bool regenerate = false;
  Vch merged = merge(current, desired, regenerate);
  ValidationOptions vo = options.validation;
  vo.existingVch = true;
  if (record.poolConfig && record.stored.placement.ownPool) {
    vo.reservedCpuMHz = std::max(0LL, record.poolConfig->cpu.reservation);
    vo.reservedMemoryMiB = std::max(0LL, record.poolConfig->memory.reservation);
  }
  vo.applianceVersion = record.stored.version;
  merged.version.clear();
  ResolvedVch resolved;
  issues.append(validateVch(client, merged, vo, resolved));
  if (!issues.empty()) throw InvalidSpecification(issues, false);
  Vch& next = prepared.next;
  next = resolved.vch;
  next.version = record.stored.version;

  ConfigureResult& result = prepared.result;
  if (regenerate) {
    std::vector<std::string> addresses;
    for (const auto* n : {&next.network.publicNet, &next.network.client, &next.network.management})
      if (*n && !(*n)->staticAddress.empty()) addresses.push_back((*n)->staticAddress);
    result.certificates = makeCertificates(next, addresses);
    next.auth.serverCertificate = result.certificates.serverCertificate;
    next.auth.serverPrivateKey = result.certificates.serverKey;
    next.auth.clientCas = result.certificates.clientCas;
  }
  result.changed = changedPaths(current, next);
  if (result.changed.empty()) return prepared;

  prepared.placement = record.stored.placement;
  for (const auto& vs : resolved.volumeStores) {
    if (prepared.placement.volumeStores.count(vs.label)) continue;
    prepared.placement.volumeStores[vs.label] = vs.nfs ? vs.url : vs.datastorePath();
    if (!vs.nfs) prepared.addedStores.push_back(vs);
  }
  for (const auto& [alias, n] : resolved.containerNetworks)
    prepared.placement.networks.emplace("container:" + alias, n.ref.str());
  prepared.sealingKey = sealingKey(client, record);
  prepared.changes = configurationChanges(prepared, prepared.placement);
  prepared.poolChanged =
      record.stored.placement.ownPool && !record.pool.empty() &&
      (next.compute.cpu != current.compute.cpu || next.compute.memory != current.compute.memory);
  return prepared;
}

ConfigureResult executeConfigure(vim::Client& client, const PreparedConfigure& prepared,
                                 PlanObserver& observer, const FaultHook& hook) {
  if (prepared.result.changed.empty()) return prepared.result;
  const VchRecord& record = prepared.record;
  const vim::Moref vm = record.vm;
  const auto& changes = prepared.changes;
  const auto& next = prepared.next;
  gi::Placement placement = prepared.placement;
  const bool running = record.powerState == "poweredOn";
  Plan plan;
  plan.add({"lock", "Mark " + record.name + " as being configured", [&](StepContext& ctx) {
              actions::setExtraConfig(client, vm, {{gi::kLockKey, "true"}});
              ctx.recordUndo(undo::SetExtraConfig{vm, {{gi::kLockKey, ""}}, {}});
            }});
  if (prepared.poolChanged) {
    plan.add({"resource_pool", "Update the resource pool's limits", [&](StepContext& ctx) {
                const auto before = *record.poolConfig;
                actions::setPoolConfig(client, record.pool, poolSpecOf(next));
                ctx.recordUndo(undo::SetPoolConfig{record.pool, before.cpu, before.memory});
              }});
  }
  if (!prepared.addedStores.empty()) {
    plan.add(
        {"volume_stores", "Create the folders of the volume stores added", [&](StepContext& ctx) {
           const std::string dc = placement.datacenter;
           for (const auto& vs : prepared.addedStores)
             for (const auto& made :
                  actions::makeDirectories(client, vim::Moref::parse(dc), vs.datastorePath())) {
               ctx.recordUndo(undo::DeleteDatastoreFile{vim::Moref::parse(dc), made});
               placement.createdVolumeDirs.push_back(made);
             }
         }});
  }
  if (!changes.empty()) {
    plan.add(
        {"configuration", "Write the new configuration to the endpoint VM", [&](StepContext& ctx) {
           // Again: the folders made above are part of it.
           const gi::KeyValues changes = configurationChanges(prepared, placement);
           std::map<std::string, std::string> old;
           for (const auto& [k, v] : changes) {
             auto it = record.extraConfig.find(k);
             old[k] = it == record.extraConfig.end() ? "" : it->second;
           }
           ctx.recordUndo(undo::SetExtraConfig{vm, old, {}});
           actions::setExtraConfig(client, vm, changes);
         }});
    if (running) {
      // The endpoint reads its configuration when it starts.
      plan.add({"power_off", "Stop the endpoint VM", [&](StepContext& ctx) {
                  actions::ensurePoweredOff(client, vm);
                  ctx.recordUndo(undo::PowerOn{vm});
                }});
      plan.add({"power_on", "Start the endpoint VM", [&](StepContext& ctx) {
                  actions::ensurePoweredOn(client, vm);
                  ctx.recordUndo(undo::PowerOff{vm});
                }});
    }
  }
  plan.add({"unlock", "Mark " + record.name + " as no longer being configured", [&](StepContext&) {
              actions::setExtraConfig(client, vm, {{gi::kLockKey, ""}});
            }});
  plan.execute(client, observer, hook);
  return prepared.result;
}

ConfigureResult configureVch(vim::Client& client, const std::string& id, const Vch& desired,
                             const ConfigureOptions& options, PlanObserver& observer) {
  return executeConfigure(client, prepareConfigure(client, id, desired, options), observer,
                          options.faultHook);
}

}  // namespace vic::engine
