#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vicapi/engine/guestinfo/flatten.h"
#include "vicapi/vim/devices.h"
#include "vicapi/vim/moref.h"
#include "vicapi/vim/resource_spec.h"

namespace vic::vim {
class Client;
}

namespace vic::engine::actions {

// Small vSphere operations the engine's steps and undos share. The
// "IfExists"/"ensure" forms treat an object that is already gone, or already
// in the wanted state, as success, which is what makes undo idempotent.

std::string powerState(vim::Client& c, const vim::Moref& vm);  // "poweredOn", ...
void ensurePoweredOff(vim::Client& c, const vim::Moref& vm);
void ensurePoweredOn(vim::Client& c, const vim::Moref& vm);
void destroyIfExists(vim::Client& c, const vim::Moref& entity);
void destroyVmIfExists(vim::Client& c, const vim::Moref& vm);

guestinfo::KeyValues readExtraConfig(vim::Client& c, const vim::Moref& vm);
void setExtraConfig(vim::Client& c, const vim::Moref& vm, const guestinfo::KeyValues& values);

// Makes "[ds] a/b/c" and any missing parents, one level at a time, and
// returns the directories it made, outermost first (empty when all existed),
// so that an undo can remove exactly those.
std::vector<std::string> makeDirectories(vim::Client& c, const vim::Moref& datacenter,
                                         const std::string& dsPath);
void deleteIfExists(vim::Client& c, const vim::Moref& datacenter, const std::string& dsPath);

// The VM's CD-ROM (the first one), to switch its ISO.
using Cdrom = vim::devices::Cdrom;
std::optional<Cdrom> findCdrom(vim::Client& c, const vim::Moref& vm);
void setCdromIso(vim::Client& c, const vim::Moref& vm, const Cdrom& device, const std::string& iso);

vim::Moref createSnapshot(vim::Client& c, const vim::Moref& vm, const std::string& name,
                          const std::string& description);
void revertToSnapshot(vim::Client& c, const vim::Moref& snapshot);
void removeSnapshotIfExists(vim::Client& c, const vim::Moref& snapshot);

void addVmGroup(vim::Client& c, const vim::Moref& cluster, const std::string& name,
                const vim::Moref& vm);
void removeVmGroupIfExists(vim::Client& c, const vim::Moref& cluster, const std::string& name);

void setPoolConfig(vim::Client& c, const vim::Moref& pool, const vim::ResourceConfigSpec& spec);
vim::ResourceConfigSpec poolConfig(vim::Client& c, const vim::Moref& pool);

}  // namespace vic::engine::actions
