#include "daemon/containers/container_service.h"

#include <algorithm>

#include "daemon/containers/container_spec.h"
#include "daemon/docker_error.h"
#include "daemon/time_text.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/log.h"
#include "vicapi/util/random_hex.h"
#include "vicapi/vim/devices.h"
#include "vicapi/vim/folder.h"
#include "vicapi/vim/option_values.h"
#include "vicapi/vim/property_collector.h"
#include "vicapi/vim/update_watch.h"
#include "vicapi/vim/virtual_machine.h"

namespace vic::endpoint {

namespace gi = engine::guestinfo;

namespace {

constexpr int kExitStopped = 0;
constexpr int kExitKilled = 137;
constexpr std::size_t kMaxContainers = 50'000;

bool isHex(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

std::string stripSlash(const std::string& n) {
  return !n.empty() && n.front() == '/' ? n.substr(1) : n;
}

vim::VmConfigSpec extraConfigSpec(const gi::KeyValues& kv) {
  vim::VmConfigSpec spec;
  for (const auto& [k, v] : kv)
    spec.extraConfig.emplace_back(k, v);
  return spec;
}

}  // namespace

bool validContainerName(const std::string& raw) {
  const std::string n = stripSlash(raw);
  if (n.size() < 2 || n.size() > 255) return false;
  for (std::size_t i = 0; i < n.size(); ++i) {
    const char c = n[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '_' && c != '.' && c != '-'))) return false;
  }
  return true;
}

ContainerService::ContainerService(VchWorld& world, ImageService& images, VolumeService& volumes)
    : world_(world), images_(images), volumes_(volumes) {}

std::string ContainerService::vmName(const ContainerRecord& c) const {
  std::string conv = world_.config().model.nameConvention;
  if (conv.empty()) conv = "{name}-{id}";
  auto replace = [&](const std::string& token, const std::string& value) {
    for (auto pos = conv.find(token); pos != std::string::npos; pos = conv.find(token, pos))
      conv.replace(pos, token.size(), value), pos += value.size();
  };
  replace("{name}", c.name);
  replace("{id}", c.id.substr(0, 12));
  return conv.substr(0, 80);
}

void ContainerService::rememberVm(const std::string& id, const vim::Moref& vm) {
  std::lock_guard<std::mutex> lock(vmsMutex_);
  if (vms_.size() > kMaxContainers) vms_.clear();
  vms_[id] = vm;
}

void ContainerService::forgetVm(const std::string& id) {
  std::lock_guard<std::mutex> lock(vmsMutex_);
  vms_.erase(id);
}

std::optional<vim::Moref> ContainerService::knownVm(const std::string& id) {
  std::lock_guard<std::mutex> lock(vmsMutex_);
  auto it = vms_.find(id);
  if (it == vms_.end()) return std::nullopt;
  return it->second;
}

std::vector<ContainerRecord> ContainerService::list() {
  std::vector<ContainerRecord> out;
  vim::PropertyCollector pc(world_.client());
  pc.retrieveEach(
      {{"VirtualMachine",
        {"name", "runtime.powerState", "summary.runtime.bootTime", "config.extraConfig"}}},
      {world_.poolVms()}, [&](vim::ObjectContent&& o) {
        const auto* ec = o.prop("config.extraConfig");
        if (!ec || out.size() >= kMaxContainers) return;
        ContainerRecord c;
        if (!fromExtraConfig(vim::fromOptionValues(*ec), world_.vchVm(), c)) return;
        c.vm = o.obj;
        c.vmName = o.text("name");
        c.powerState = o.text("runtime.powerState");
        if (c.running()) c.startedAt = o.text("summary.runtime.bootTime", c.startedAt);
        out.push_back(std::move(c));
      });
  for (const auto& c : out)
    rememberVm(c.id, c.vm);
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.created > b.created; });
  return out;
}

ContainerRecord ContainerService::find(const std::string& ref) {
  const auto all = list();
  const std::string name = stripSlash(ref);
  for (const auto& c : all)
    if (c.id == ref || c.name == name) return c;
  if (isHex(ref) && ref.size() < 64) {
    const ContainerRecord* match = nullptr;
    for (const auto& c : all) {
      if (c.id.rfind(ref, 0) != 0) continue;
      if (match) throw badRequest("multiple containers found with provided prefix: " + ref);
      match = &c;
    }
    if (match) return *match;
  }
  throw notFound("No such container: " + ref);
}

void ContainerService::checkNameFree(const std::vector<ContainerRecord>& all,
                                     const std::string& name, const std::string& exceptId) {
  for (const auto& c : all)
    if (c.name == name && c.id != exceptId)
      throw conflict("Conflict. The container name \"/" + name +
                     "\" is already in use by container \"" + c.id +
                     "\". You have to remove (or rename) that container to be able to reuse "
                     "that name.");
}

ContainerBackend::Created ContainerService::create(const std::string& rawName,
                                                   const nlohmann::json& body) {
  ContainerSpec spec = readCreateBody(body);
  const ImageRecord image = images_.find(spec.image);
  ContainerRecord c;
  c.id = randomHex(32);  // Docker's ids: 64 hex digits
  c.name = rawName.empty() ? "" : stripSlash(rawName);
  if (!rawName.empty() && !validContainerName(rawName))
    throw badRequest("Invalid container name (" + rawName.substr(0, 80) +
                     "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
  const auto all = list();
  if (c.name.empty())
    c.name = generatedName(c.id, [&](const std::string& n) {
      return std::none_of(all.begin(), all.end(), [&](const auto& o) { return o.name == n; });
    });
  checkNameFree(all, c.name);
  c.image = spec.image;
  c.imageId = image.id;
  c.config = mergedConfig(spec, image.config);
  c.hostConfig = spec.hostConfig;
  c.created = nowRfc3339();

  // Volumes: named ones are made when missing, anonymous ones for each
  // mount point without a name, as dockerd does.
  std::vector<std::string> madeHere;
  try {
    for (const auto& m : spec.mounts) {
      MountRecord mount = m;
      if (mount.name.empty()) {
        mount.name = volumes_.create("", "vsphere", {}, {}).name;
        mount.anonymous = true;
        madeHere.push_back(mount.name);
      } else {
        volumes_.create(mount.name, "vsphere", {}, {});
      }
      c.mounts.push_back(mount);
    }
    for (const auto& dest : imageVolumes(image.config)) {
      if (std::any_of(c.mounts.begin(), c.mounts.end(),
                      [&](const auto& m) { return m.destination == dest; }))
        continue;
      auto v = volumes_.create("", "vsphere", {}, {});
      madeHere.push_back(v.name);
      c.mounts.push_back({v.name, dest, true, false});
    }

    vim::VmConfigSpec vm;
    vm.name = vmName(c);
    vm.guestId = "otherGuest64";
    vm.numCPUs = spec.cpus;
    vm.memoryMB = spec.memoryMB;
    vm.vmPathName = "[" + world_.imageStore().datastore + "]";
    vm.annotation = "Container " + c.name + " of VCH " + world_.config().vchName;
    for (const auto& [k, v] : toExtraConfig(c, world_.vchVm()))
      vm.extraConfig.emplace_back(k, v);
    if (const auto& iso = world_.config().placement.bootstrapIso; !iso.empty())
      vm.deviceChange.push_back(
          vim::devices::add(vim::devices::isoCdrom(-200, vim::devices::kIdeController0, 0, iso)));
    if (world_.bridgeNic()) vm.deviceChange.push_back(vim::devices::add(*world_.bridgeNic()));
    auto result =
        vim::Folder(world_.client(), world_.vmFolder()).createVM(vm, world_.pool()).poll();
    rememberVm(c.id, vim::Moref::from(result));
  } catch (...) {
    for (const auto& v : madeHere) {
      try {
        volumes_.remove(v, [](const std::string&) { return std::vector<std::string>{}; });
      } catch (const std::exception& e) {
        logger()->warn("removing volume {} after a failed create: {}", v, e.what());
      }
    }
    throw;
  }
  logger()->info("created container {} ({})", c.name, c.id.substr(0, 12));
  return {c.id, {}};
}

void ContainerService::start(const std::string& ref) {
  vim::Moref vm;
  if (auto known = knownVm(ref)) {
    vm = *known;
  } else {
    auto c = find(ref);
    if (c.running()) throw notModified();
    vm = c.vm;
  }
  // vCenter records when the VM booted (runtime.bootTime), which is the
  // container's start time: a start is a power-on and nothing else.
  try {
    vim::VirtualMachine(world_.client(), vm).powerOn().poll();
  } catch (const InvalidPowerStateFault&) {
    throw notModified();
  } catch (const ManagedObjectNotFoundFault&) {
    forgetVm(ref);
    throw notFound("No such container: " + ref);
  }
}

void ContainerService::powerOff(const ContainerRecord& c, int exitCode) {
  ContainerRecord after = c;
  after.finishedAt = nowRfc3339();
  after.exitCode = exitCode;
  vim::VirtualMachine machine(world_.client(), c.vm);
  try {
    auto off = machine.powerOff();
    auto keys = machine.reconfigure(extraConfigSpec(stateKeys(after)));
    vim::Task::pollAll({off, keys});
  } catch (const InvalidPowerStateFault&) {
    throw notModified();
  }
}

void ContainerService::stop(const std::string& ref) {
  auto c = find(ref);
  if (!c.running()) throw notModified();
  powerOff(c, kExitStopped);
}

void ContainerService::kill(const std::string& ref) {
  auto c = find(ref);
  if (!c.running())
    throw conflict("Cannot kill container: " + ref + ": Container " + c.id + " is not running");
  powerOff(c, kExitKilled);
}

void ContainerService::restart(const std::string& ref) {
  auto c = find(ref);
  if (c.running()) powerOff(c, kExitStopped);
  start(c.id);
}

int ContainerService::wait(const std::string& ref) {
  auto c = find(ref);
  if (!c.running()) return c.exitCode;
  // Until vCenter reports the VM off (or gone), without polling.
  vim::UpdateWatch watch(world_.client(), {{"VirtualMachine", {"runtime.powerState"}}},
                         {vim::ObjectSpec{c.vm}});
  bool off = false;
  while (!off) {
    watch.next(30, [&](const vim::ObjectUpdate& u) {
      off |= u.left;
      for (const auto& [name, val] : u.changes)
        off |= name == "runtime.powerState" && (!val || val->text != "poweredOn");
    });
  }
  try {
    return find(c.id).exitCode;
  } catch (const DockerError&) {
    return kExitKilled;  // removed while waited for
  }
}

void ContainerService::remove(const std::string& ref, bool force, bool volumes) {
  auto c = find(ref);
  if (c.running()) {
    if (!force)
      throw conflict("You cannot remove a running container " + c.id +
                     ". Stop the container before attempting removal or force remove");
    try {
      vim::VirtualMachine(world_.client(), c.vm).powerOff().poll();
    } catch (const InvalidPowerStateFault&) {
    }
  }
  vim::VirtualMachine(world_.client(), c.vm).destroy().poll();
  forgetVm(c.id);
  if (volumes)
    for (const auto& m : c.mounts)
      if (m.anonymous) {
        try {
          volumes_.remove(m.name, [](const std::string&) { return std::vector<std::string>{}; });
        } catch (const DockerError& e) {
          if (e.status() != 404) throw;
        }
      }
  logger()->info("removed container {} ({})", c.name, c.id.substr(0, 12));
}

void ContainerService::rename(const std::string& ref, const std::string& newName) {
  if (!validContainerName(newName))
    throw badRequest("Invalid container name (" + newName.substr(0, 80) +
                     "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
  const auto all = list();
  auto c = find(ref);
  checkNameFree(all, stripSlash(newName), c.id);
  c.name = stripSlash(newName);
  auto spec = extraConfigSpec(nameKeys(c));
  spec.name = vmName(c);
  vim::VirtualMachine(world_.client(), c.vm).reconfigure(spec).poll();
}

std::vector<std::string> ContainerService::usingImage(const std::string& imageId) {
  std::vector<std::string> out;
  for (const auto& c : list())
    if (c.imageId == imageId) out.push_back(c.id);
  return out;
}

std::vector<std::string> ContainerService::usingVolume(const std::string& name) {
  std::vector<std::string> out;
  for (const auto& c : list())
    for (const auto& m : c.mounts)
      if (m.name == name) out.push_back(c.id);
  return out;
}

}  // namespace vic::endpoint
