#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace vic::vim {
class Client;
}

namespace vic::engine {

struct VchRecord;

// The operation logs kept in a VCH's datastore folder, as 1.5 kept them, so
// that any appliance registered with the vCenter, and vic-machine, can show
// the log of an operation another one ran.

// "vic-machine_2026-11-29T08:30:00Z_create_<id>.log": the time first, so that
// names sort in the order the operations ran.
std::string vchLogName(std::chrono::system_clock::time_point when, const std::string& operation,
                       const std::string& id);

// Writes `text` as the file `name` in the VCH's folder.
void writeVchLog(vim::Client& client, const VchRecord& vch, const std::string& name,
                 const std::string& text);

// Every vic-machine*.log file of the VCH's folder, oldest first, each after a
// line naming it; nullopt when there is none (or the folder is gone).
std::optional<std::string> readVchLogs(vim::Client& client, const VchRecord& vch);

}  // namespace vic::engine
